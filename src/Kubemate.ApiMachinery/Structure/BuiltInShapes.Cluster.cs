namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>RBAC, coordination, admission registration, API extensions, policy and autoscaling kinds.</summary>
    private static class Cluster
    {
        public static readonly TypeShape Role = Resource(others: ("rules", AtomicList()));

        public static readonly TypeShape ClusterRole = Resource(others:
        [
            ("rules", AtomicList()),
            ("aggregationRule", Struct(("clusterRoleSelectors", AtomicList()))),
        ]);

        public static readonly TypeShape RoleBinding = Resource(others: ("subjects", AtomicList()));

        public static readonly TypeShape Lease = Resource(spec: Struct());

        private static readonly TypeShape Webhook = Struct(
            ("rules", AtomicList()),
            ("namespaceSelector", Meta.LabelSelector),
            ("objectSelector", Meta.LabelSelector),
            ("admissionReviewVersions", AtomicList()),
            ("matchConditions", KeyedList(TypeShape.Unknown, "name")));

        public static readonly TypeShape WebhookConfiguration = Resource(others: ("webhooks", KeyedList(Webhook, "name")));

        public static readonly TypeShape CustomResourceDefinition = Resource(
            spec: Struct(
                ("names", Struct(("shortNames", AtomicList()), ("categories", AtomicList()))),
                ("versions", AtomicList())),
            status: Struct(
                ("conditions", ApplyKeyedList(TypeShape.Unknown, "type")),
                ("acceptedNames", Struct(("shortNames", AtomicList()), ("categories", AtomicList()))),
                ("storedVersions", AtomicList())));

        public static readonly TypeShape PodDisruptionBudget = Resource(
            // The only selector in the core types whose strategic merge patches replace it whole.
            spec: Struct(("selector", new TypeShape
            {
                Properties = Meta.LabelSelector.Properties,
                IsAtomicObject = true,
                PatchStrategy = "replace",
            })),
            status: Struct(("conditions", Conditions())));

        public static readonly TypeShape HorizontalPodAutoscaler = Resource(
            spec: Struct(
                ("metrics", AtomicList()),
                ("behavior", Struct(
                    ("scaleUp", Struct(("policies", AtomicList()))),
                    ("scaleDown", Struct(("policies", AtomicList())))))),
            status: Struct(
                ("conditions", Conditions()),
                ("currentMetrics", AtomicList())));

        // The policy's own fields; what its CEL expressions say is not evaluated by the sandbox.
        public static readonly TypeShape ValidatingAdmissionPolicy = Resource(
            spec: Struct(
                ("matchConstraints", Struct(
                    ("resourceRules", AtomicList()),
                    ("excludeResourceRules", AtomicList()),
                    ("namespaceSelector", Meta.LabelSelector),
                    ("objectSelector", Meta.LabelSelector))),
                ("validations", AtomicList()),
                ("auditAnnotations", AtomicList()),
                ("matchConditions", KeyedList(TypeShape.Unknown, "name")),
                ("variables", AtomicList())),
            status: Struct(
                ("conditions", ApplyKeyedList(TypeShape.Unknown, "type")),
                ("typeChecking", Struct(("expressionWarnings", AtomicList())))));

        public static readonly TypeShape ValidatingAdmissionPolicyBinding = Resource(
            spec: Struct(
                ("paramRef", Struct(("selector", Meta.LabelSelector))),
                ("matchResources", Struct(
                    ("resourceRules", AtomicList()),
                    ("excludeResourceRules", AtomicList()),
                    ("namespaceSelector", Meta.LabelSelector),
                    ("objectSelector", Meta.LabelSelector))),
                ("validationActions", ApplySet())));
    }
}
