namespace Kubemate.Sandbox.Protobuf.Schema;

/// <summary>One field of a message: its number on the wire, its JSON name and how it is rendered.</summary>
/// <param name="Inline">An embedded Go struct tagged <c>json:",inline"</c>: its fields land in the parent's JSON object.</param>
public sealed record ProtoField(int Number, string JsonName, FieldType Type, Presence Presence, bool Repeated = false, bool Inline = false)
{
    public override string ToString() => $"{JsonName} = {Number}";
}
