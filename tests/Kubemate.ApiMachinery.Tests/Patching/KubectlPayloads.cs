namespace Kubemate.ApiMachinery.Tests.Patching;

/// <summary>
/// A live Deployment and the strategic merge patches kubectl 1.32 sent for it, captured from the requests of
/// <c>kubectl apply</c>, <c>set image</c>, <c>set env</c>, <c>set resources</c>, <c>rollout restart</c> and <c>patch</c>.
/// </summary>
internal static class KubectlPayloads
{
    public const string LiveDeployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"shop","labels":{"app":"web","tier":"front"},
           "annotations":{"deployment.kubernetes.io/revision":"1"},
           "finalizers":["example.com/one","example.com/two"],
           "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"u-1"}]},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
          "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},
          "template":{"metadata":{"labels":{"app":"web"}},"spec":{
            "containers":[
              {"name":"app","image":"shop/web:1.0",
               "ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"admin","protocol":"TCP"}],
               "env":[{"name":"MODE","value":"prod"},{"name":"LOG","value":"info"}],
               "volumeMounts":[{"name":"cache","mountPath":"/cache"}]},
              {"name":"sidecar","image":"shop/sidecar:1.0"}],
            "volumes":[{"name":"cache","emptyDir":{}}],
            "tolerations":[{"key":"dedicated","operator":"Equal","value":"web","effect":"NoSchedule"}],
            "restartPolicy":"Always"}}},
         "status":{"replicas":2,"conditions":[{"type":"Available","status":"True"},{"type":"Progressing","status":"True"}]}}
        """;

    /// <summary><c>kubectl set image deploy/web app=shop/web:2.0</c></summary>
    public const string SetImage = """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"image":"shop/web:2.0","name":"app"}]}}}}
        """;

    /// <summary><c>kubectl rollout restart deploy/web</c></summary>
    public const string RolloutRestart = """
        {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2025-11-25T18:09:24Z"}}}}}
        """;

    /// <summary><c>kubectl set env deploy/web LOG=warn</c> (every container; the sidecar had no env yet).</summary>
    public const string SetEnv = """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"$setElementOrder/env":[{"name":"MODE"},{"name":"LOG"}],"env":[{"name":"LOG","value":"warn"}],"name":"app"},{"env":[{"name":"LOG","value":"warn"}],"name":"sidecar"}]}}}}
        """;

    /// <summary><c>kubectl set resources deploy/web -c app --limits=cpu=200m</c></summary>
    public const string SetResources = """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"name":"app","resources":{"limits":{"cpu":"200m"}}}]}}}}
        """;

    /// <summary><c>kubectl patch deploy/web -p ...</c> deleting a container.</summary>
    public const string DeleteContainer = """
        {"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}
        """;

    /// <summary>
    /// <c>kubectl apply</c> (client-side) of a manifest that drops the tier label, switches the strategy to Recreate,
    /// adds a metrics container first, removes the sidecar, reorders and changes env, and drops the admin port.
    /// The last-applied-configuration annotation is shortened.
    /// </summary>
    public const string ClientSideApply = """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\"}\n"},"labels":{"tier":null}},
         "spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"},
          "template":{"spec":{"$setElementOrder/containers":[{"name":"metrics"},{"name":"app"}],
           "containers":[{"image":"shop/metrics:1.0","name":"metrics"},
            {"$setElementOrder/env":[{"name":"LOG"},{"name":"MODE"},{"name":"REGION"}],"$setElementOrder/ports":[{"containerPort":8080}],
             "env":[{"name":"LOG","value":"debug"},{"name":"REGION","value":"eu"}],"image":"shop/web:1.1","name":"app",
             "ports":[{"$patch":"delete","containerPort":9090}]},
            {"$patch":"delete","name":"sidecar"}]}}}}
        """;
}
