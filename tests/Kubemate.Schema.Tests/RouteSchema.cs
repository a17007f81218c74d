namespace Kubemate.Schema.Tests;

/// <summary>A small IngressRoute-like schema that exercises most keywords.</summary>
internal static class RouteSchema
{
    public static readonly StructuralSchema Schema = Yaml.Schema("""
        type: object
        properties:
          apiVersion: {type: string}
          kind: {type: string}
          metadata: {type: object}
          spec:
            type: object
            required: [routes]
            properties:
              host: {type: string, pattern: '^[a-z0-9.-]+$', maxLength: 20}
              replicas: {type: integer, format: int32, minimum: 1, maximum: 10}
              port: {x-kubernetes-int-or-string: true}
              labels:
                type: object
                additionalProperties: {type: string}
              entryPoints:
                type: array
                x-kubernetes-list-type: set
                items: {type: string}
              routes:
                type: array
                maxItems: 2
                items:
                  type: object
                  required: [kind, match]
                  properties:
                    kind: {type: string, enum: [Rule]}
                    match: {type: string}
                    services:
                      type: array
                      x-kubernetes-list-type: map
                      x-kubernetes-list-map-keys: [name]
                      items:
                        type: object
                        required: [name]
                        properties:
                          name: {type: string}
                          port: {x-kubernetes-int-or-string: true}
                          weight: {type: integer, default: 1}
              template:
                type: object
                x-kubernetes-embedded-resource: true
                x-kubernetes-preserve-unknown-fields: true
              extra:
                type: object
                x-kubernetes-preserve-unknown-fields: true
                properties:
                  known:
                    type: object
                    properties:
                      a: {type: string}
        """);

    public const string ValidObject = """
        apiVersion: example.com/v1
        kind: Route
        metadata: {name: web, namespace: default}
        spec:
          host: example.com
          replicas: 2
          port: 8080
          labels: {app: web}
          entryPoints: [web, websecure]
          routes:
            - kind: Rule
              match: Host(`example.com`)
              services:
                - name: a
                  port: http
                - name: b
                  port: 80
          template:
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {key: value}
          extra: {anything: [1, 2, 3]}
        """;
}
