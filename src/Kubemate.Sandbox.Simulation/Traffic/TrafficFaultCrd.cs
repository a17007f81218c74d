using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Estate;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The <c>TrafficFault</c> custom resource (<c>sandbox.kubemate.io/v1alpha1</c>, namespaced): the simulator's fault
/// knobs. Its structural schema makes the sandbox reject bad input with a 422 that names the field.
/// </summary>
public static class TrafficFaultCrd
{
    public const string Group = "sandbox.kubemate.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
    public const string Kind = "TrafficFault";
    public const string Plural = "trafficfaults";
    public const string Name = Plural + "." + Group;
    public const string StorageKey = Group + "/" + Plural;

    public static JsonObject Definition() => Manifests.Parse($$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: {{Name}}
          labels: {app.kubernetes.io/part-of: kubemate-sandbox}
        spec:
          group: {{Group}}
          scope: Namespaced
          names: {kind: {{Kind}}, listKind: {{Kind}}List, plural: {{Plural}}, singular: trafficfault, shortNames: [tfault]}
          versions:
          - name: {{Version}}
            served: true
            storage: true
            additionalPrinterColumns:
            - {name: Workload, type: string, jsonPath: .spec.workload}
            - {name: Version, type: string, jsonPath: .spec.version}
            - {name: P99, type: number, jsonPath: .spec.latency.p99Ms}
            - {name: Factor, type: number, jsonPath: .spec.latencyFactor}
            - {name: Errors, type: number, jsonPath: .spec.errorRate}
            - {name: CrashLoop, type: boolean, jsonPath: .spec.crashLoop}
            - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
            schema:
              openAPIV3Schema:
                type: object
                description: A fault the sandbox's traffic simulator injects into the traffic of one workload.
                required: [spec]
                properties:
                  apiVersion: {type: string}
                  kind: {type: string}
                  metadata: {type: object}
                  spec:
                    type: object
                    required: [workload]
                    properties:
                      workload:
                        type: string
                        minLength: 1
                        description: Deployment or StatefulSet in the fault's namespace (pods labelled app=<workload> count too).
                      version:
                        type: string
                        minLength: 1
                        description: Only the workload's pods with this `version` label.
                      latency:
                        type: object
                        required: [p50Ms, p99Ms]
                        description: Response latency of the workload as its callers see it.
                        properties:
                          p50Ms: {type: number, minimum: 0, exclusiveMinimum: true}
                          p99Ms: {type: number, minimum: 0, exclusiveMinimum: true}
                      errorRate:
                        type: number
                        minimum: 0
                        maximum: 1
                        description: Fraction of requests answered with HTTP 500 (gRPC UNAVAILABLE).
                      crash:
                        type: boolean
                        description: Restart the workload's containers once when the fault is created or changed.
                      trafficMultiplier:
                        type: number
                        minimum: 0
                        description: Scales the traffic sent to the workload.
                      latencyFactor:
                        type: number
                        minimum: 0
                        exclusiveMinimum: true
                        description: Multiplies the workload's response latency (2 doubles it).
                      crashLoop:
                        type: boolean
                        description: While the fault exists the workload's containers crash-loop (CrashLoopBackOff, not ready); they recover when it is deleted.
        """)[0];
}
