namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>
/// Values a real API server cannot decode into its Go types are refused with 400 BadRequest, worded as its decoder
/// words them: wrong types in <c>metadata</c> of any built-in kind, in the specs of every workload, and resource
/// quantities that do not parse (docs/sandbox-validation.md).
/// </summary>
public sealed class TypedDecodingTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string Pods = "/api/v1/namespaces/{ns}/pods";
    private const string ConfigMaps = "/api/v1/namespaces/{ns}/configmaps";
    private const string Template = """{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""";
    private const string Selector = """{"matchLabels":{"app":"x"}}""";
    private const string QuantityFormat = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>What, collection, body, message.</summary>
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        {
            "a label value that is a number", Pods,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x","labels":{"tier":5}},"spec":{"containers":[{"name":"app","image":"nginx"}]}}""",
            """Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"""
        },
        {
            "annotations that are a string", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","annotations":"note"}}""",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ObjectMeta.metadata.annotations of type map[string]string"""
        },
        {
            "finalizers that are a string", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","finalizers":"example.com/keep"}}""",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ObjectMeta.metadata.finalizers of type []string"""
        },
        {
            "a generateName that is a number", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","generateName":7}}""",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.generateName of type string"""
        },
        {
            "owner references that are an object", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","ownerReferences":{"kind":"Deployment"}}}""",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal object into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference"""
        },
        {
            "an owner reference whose controller flag is a string", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","ownerReferences":[{"apiVersion":"v1","kind":"Pod","name":"p","uid":"u","controller":"yes"}]}}""",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field OwnerReference.metadata.ownerReferences.controller of type bool"""
        },
        {
            "an owner reference whose uid is a number", ConfigMaps,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","ownerReferences":[{"apiVersion":"v1","kind":"Pod","name":"p","uid":42}]}}""",
            """ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field OwnerReference.metadata.ownerReferences.uid of type types.UID"""
        },
        {
            "labels of a kind without a type table", "/api/v1/namespaces/{ns}/persistentvolumeclaims",
            """{"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"x","labels":["a"]},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}""",
            """PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string"""
        },
        {
            "replicaset replicas as a string", "/apis/apps/v1/namespaces/{ns}/replicasets",
            """{"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":"x"},"spec":{"replicas":"three","selector":""" + Selector + ""","template":""" + Template + "}}",
            """ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32"""
        },
        {
            "statefulset replicas as a fraction", "/apis/apps/v1/namespaces/{ns}/statefulsets",
            """{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"x"},"spec":{"replicas":1.5,"serviceName":"x","selector":""" + Selector + ""","template":""" + Template + "}}",
            """StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal number 1.5 into Go struct field StatefulSetSpec.spec.replicas of type int32"""
        },
        {
            "daemonset minReadySeconds as a string", "/apis/apps/v1/namespaces/{ns}/daemonsets",
            """{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"x"},"spec":{"minReadySeconds":"10","selector":""" + Selector + ""","template":""" + Template + "}}",
            """DaemonSet in version "v1" cannot be handled as a DaemonSet: json: cannot unmarshal string into Go struct field DaemonSetSpec.spec.minReadySeconds of type int32"""
        },
        {
            "job backoffLimit as a bool", "/apis/batch/v1/namespaces/{ns}/jobs",
            """{"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"x"},"spec":{"backoffLimit":true,"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"app","image":"nginx"}]}}}}""",
            """Job in version "v1" cannot be handled as a Job: json: cannot unmarshal bool into Go struct field JobSpec.spec.backoffLimit of type int32"""
        },
        {
            "a cpu limit in words", Pods,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":{"containers":[{"name":"app","image":"nginx","resources":{"limits":{"cpu":"2 cores"}}}]}}""",
            """Pod in version "v1" cannot be handled as a Pod: """ + QuantityFormat
        },
        {
            "a memory request with an unknown suffix", "/apis/apps/v1/namespaces/{ns}/deployments",
            """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"x"},"spec":{"selector":""" + Selector + ""","template":{"metadata":{"labels":{"app":"x"}},"spec":{"containers":[{"name":"app","image":"nginx","resources":{"requests":{"memory":"1Mii"}}}]}}}}""",
            """Deployment in version "v1" cannot be handled as a Deployment: unable to parse quantity's suffix"""
        },
        {
            "a quantity error wins over an earlier type error, as the decoder stops there", Pods,
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x","labels":{"a":1}},"spec":{"containers":[{"name":"app","image":"nginx","resources":{"limits":{"memory":"lots"}}}]}}""",
            """Pod in version "v1" cannot be handled as a Pod: """ + QuantityFormat
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_value_the_apiserver_cannot_decode_is_a_400_and_nothing_is_stored(string what, string collection, string body, string message) =>
        RefusedWrites.AssertRefusedAndNotStored(fixture, what, collection, body, 400, "BadRequest", message, []);
}
