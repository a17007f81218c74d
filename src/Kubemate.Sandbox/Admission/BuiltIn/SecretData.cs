using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// A Secret's <c>stringData</c> is write-only: the apiserver's conversion copies each entry into <c>data</c>
/// (base64, winning over a <c>data</c> entry of the same key) and stores no <c>stringData</c>.
/// </summary>
internal static class SecretData
{
    public static void FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
        {
            secret.Remove("stringData");
            return;
        }
        var data = secret.Obj("data");
        foreach (var (key, value) in stringData)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        }
        secret.Remove("stringData");
    }
}
