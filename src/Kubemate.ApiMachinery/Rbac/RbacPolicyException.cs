namespace Kubemate.ApiMachinery.Rbac;

/// <summary>An RBAC object that cannot be read; the message names the object, the field and the reason.</summary>
public sealed class RbacPolicyException(string message) : Exception(message);
