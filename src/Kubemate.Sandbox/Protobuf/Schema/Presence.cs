namespace Kubemate.Sandbox.Protobuf.Schema;

/// <summary>
/// How a field shows up in the JSON the Go client would have sent. Kubernetes' gogo-protobuf code writes every
/// non-pointer field, zero or not, and leaves out nil pointers, slices and maps; Go's JSON encoder drops zero values
/// only for fields tagged <c>omitempty</c> and writes nil as <c>null</c> for the others.
/// </summary>
public enum Presence
{
    /// <summary>A Go value field tagged omitempty: always on the wire, dropped from JSON when zero.</summary>
    OmitZero,

    /// <summary>A Go pointer, slice, map or struct tagged omitempty: in JSON exactly when on the wire.</summary>
    AsSent,

    /// <summary>A Go field without omitempty: always in JSON; absent from the wire (nil) means <c>null</c>.</summary>
    Always,
}
