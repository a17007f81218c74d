using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/authentication/v1 SelfSubjectReview and TokenRequest (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class AuthenticationV1
{
    public static readonly MessageSchema ExtraValue = new("authentication/v1 ExtraValue",
    [
        Field.Strings(1, "items"),
    ], WellKnown.ListItems);

    public static readonly MessageSchema UserInfo = new("authentication/v1 UserInfo",
    [
        Field.String(1, "username"),
        Field.String(2, "uid"),
        Field.Strings(3, "groups"),
        Field.MessageMap(4, "extra", ExtraValue),
    ]);

    public static readonly MessageSchema SelfSubjectReviewStatus = new("authentication/v1 SelfSubjectReviewStatus",
    [
        Field.Message(1, "userInfo", UserInfo),
    ]);

    public static readonly MessageSchema SelfSubjectReview = new("authentication/v1 SelfSubjectReview",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "status", SelfSubjectReviewStatus),
    ]);

    public static readonly MessageSchema BoundObjectReference = new("authentication/v1 BoundObjectReference",
    [
        Field.String(1, "kind"),
        Field.String(2, "apiVersion"),
        Field.String(3, "name"),
        Field.String(4, "uid"),
    ]);

    public static readonly MessageSchema TokenRequestSpec = new("authentication/v1 TokenRequestSpec",
    [
        Field.Strings(1, "audiences", Always),
        Field.Int64(4, "expirationSeconds", Always),
        Field.Message(3, "boundObjectRef", BoundObjectReference, Always),
    ]);

    public static readonly MessageSchema TokenRequestStatus = new("authentication/v1 TokenRequestStatus",
    [
        Field.String(1, "token", Always),
        Field.Message(2, "expirationTimestamp", MetaV1.Time),
    ]);

    public static readonly MessageSchema TokenRequest = new("authentication/v1 TokenRequest",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", TokenRequestSpec),
        Field.Message(3, "status", TokenRequestStatus),
    ]);
}
