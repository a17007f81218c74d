namespace Kubemate.Sandbox.Protobuf.Wire;

/// <summary>The protobuf wire types; 3 and 4 (groups) are obsolete and never produced by Kubernetes.</summary>
public enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}
