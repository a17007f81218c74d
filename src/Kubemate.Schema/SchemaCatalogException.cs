namespace Kubemate.Schema;

/// <summary>CRD files could not be loaded: unreadable YAML or an invalid CustomResourceDefinition (the message names the file).</summary>
public sealed class SchemaCatalogException : Exception
{
    public SchemaCatalogException(string message)
        : base(message)
    {
    }

    public SchemaCatalogException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
