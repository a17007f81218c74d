namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// A patch could not be applied: the patch document is malformed, names a path that does not exist,
/// or a JSON patch <c>test</c> failed. The message is what the API server reports to the client.
/// </summary>
public sealed class PatchException : Exception
{
    public PatchException(string message) : base(message)
    {
    }

    public PatchException(string message, Exception inner) : base(message, inner)
    {
    }
}
