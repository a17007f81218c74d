using System.Text;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>Where Go's standard base64 decoder (used for <c>[]byte</c> JSON fields) gives up, in bytes; null when the text decodes.</summary>
internal static class GoBase64
{
    public static int? CorruptOffset(string text)
    {
        var src = Encoding.UTF8.GetBytes(text);
        var si = 0;
        while (true)
        {
            var j = 0;
            while (j < 4)
            {
                if (si == src.Length)
                {
                    return j == 0 ? null : si - j;
                }
                var c = src[si++];
                if (c is (byte)'\r' or (byte)'\n')
                {
                    continue;
                }
                if (IsAlphabet(c))
                {
                    j++;
                    continue;
                }
                if (c != '=' || j < 2)
                {
                    return si - 1;
                }
                return Padding(src, si, j);
            }
        }
    }

    /// <summary>After a '=' at position 2 or 3 of a quantum: the rest of the padding, then nothing but newlines.</summary>
    private static int? Padding(byte[] src, int si, int j)
    {
        if (j == 2)
        {
            si = SkipNewlines(src, si);
            if (si == src.Length)
            {
                return src.Length;
            }
            if (src[si] != '=')
            {
                return si - 1;
            }
            si++;
        }
        si = SkipNewlines(src, si);
        return si < src.Length ? si : null;
    }

    private static int SkipNewlines(byte[] src, int si)
    {
        while (si < src.Length && src[si] is (byte)'\r' or (byte)'\n')
        {
            si++;
        }
        return si;
    }

    private static bool IsAlphabet(byte c) => c is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'+' or (byte)'/';
}
