using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/authorization/v1 access and rules reviews (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class AuthorizationV1
{
    /// <summary>A list of strings wrapped in a message so it can be a map value; JSON is the bare list.</summary>
    public static readonly MessageSchema ExtraValue = new("authorization/v1 ExtraValue",
    [
        Field.Strings(1, "items"),
    ], WellKnown.ListItems);

    public static readonly MessageSchema FieldSelectorAttributes = new("authorization/v1 FieldSelectorAttributes",
    [
        Field.String(1, "rawSelector"),
        Field.Messages(2, "requirements", MetaV1.FieldSelectorRequirement),
    ]);

    public static readonly MessageSchema LabelSelectorAttributes = new("authorization/v1 LabelSelectorAttributes",
    [
        Field.String(1, "rawSelector"),
        Field.Messages(2, "requirements", MetaV1.LabelSelectorRequirement),
    ]);

    public static readonly MessageSchema ResourceAttributes = new("authorization/v1 ResourceAttributes",
    [
        Field.String(1, "namespace"),
        Field.String(2, "verb"),
        Field.String(3, "group"),
        Field.String(4, "version"),
        Field.String(5, "resource"),
        Field.String(6, "subresource"),
        Field.String(7, "name"),
        Field.Message(8, "fieldSelector", FieldSelectorAttributes),
        Field.Message(9, "labelSelector", LabelSelectorAttributes),
    ]);

    public static readonly MessageSchema NonResourceAttributes = new("authorization/v1 NonResourceAttributes",
    [
        Field.String(1, "path"),
        Field.String(2, "verb"),
    ]);

    public static readonly MessageSchema SubjectAccessReviewStatus = new("authorization/v1 SubjectAccessReviewStatus",
    [
        Field.Bool(1, "allowed", Always),
        Field.Bool(4, "denied"),
        Field.String(2, "reason"),
        Field.String(3, "evaluationError"),
    ]);

    public static readonly MessageSchema SelfSubjectAccessReviewSpec = new("authorization/v1 SelfSubjectAccessReviewSpec",
    [
        Field.Message(1, "resourceAttributes", ResourceAttributes),
        Field.Message(2, "nonResourceAttributes", NonResourceAttributes),
    ]);

    public static readonly MessageSchema SelfSubjectAccessReview = new("authorization/v1 SelfSubjectAccessReview",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", SelfSubjectAccessReviewSpec),
        Field.Message(3, "status", SubjectAccessReviewStatus),
    ]);

    public static readonly MessageSchema SubjectAccessReviewSpec = new("authorization/v1 SubjectAccessReviewSpec",
    [
        Field.Message(1, "resourceAttributes", ResourceAttributes),
        Field.Message(2, "nonResourceAttributes", NonResourceAttributes),
        Field.String(3, "user"),
        Field.Strings(4, "groups"),
        Field.MessageMap(5, "extra", ExtraValue),
        Field.String(6, "uid"),
    ]);

    public static readonly MessageSchema SubjectAccessReview = new("authorization/v1 SubjectAccessReview",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", SubjectAccessReviewSpec),
        Field.Message(3, "status", SubjectAccessReviewStatus),
    ]);

    public static readonly MessageSchema LocalSubjectAccessReview = new("authorization/v1 LocalSubjectAccessReview",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", SubjectAccessReviewSpec),
        Field.Message(3, "status", SubjectAccessReviewStatus),
    ]);

    public static readonly MessageSchema SelfSubjectRulesReviewSpec = new("authorization/v1 SelfSubjectRulesReviewSpec",
    [
        Field.String(1, "namespace"),
    ]);

    public static readonly MessageSchema ResourceRule = new("authorization/v1 ResourceRule",
    [
        Field.Strings(1, "verbs", Always),
        Field.Strings(2, "apiGroups"),
        Field.Strings(3, "resources"),
        Field.Strings(4, "resourceNames"),
    ]);

    public static readonly MessageSchema NonResourceRule = new("authorization/v1 NonResourceRule",
    [
        Field.Strings(1, "verbs", Always),
        Field.Strings(2, "nonResourceURLs"),
    ]);

    public static readonly MessageSchema SubjectRulesReviewStatus = new("authorization/v1 SubjectRulesReviewStatus",
    [
        Field.Messages(1, "resourceRules", ResourceRule, Always),
        Field.Messages(2, "nonResourceRules", NonResourceRule, Always),
        Field.Bool(3, "incomplete", Always),
        Field.String(4, "evaluationError"),
    ]);

    public static readonly MessageSchema SelfSubjectRulesReview = new("authorization/v1 SelfSubjectRulesReview",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", SelfSubjectRulesReviewSpec),
        Field.Message(3, "status", SubjectRulesReviewStatus),
    ]);
}
