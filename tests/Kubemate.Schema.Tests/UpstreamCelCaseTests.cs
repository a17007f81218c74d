using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

/// <summary>
/// The upstream CRDs' own CEL rules, one case per rule family: an object breaking the rule is refused with the rule's
/// message at the rule's node (as the apiserver reports it), and the same object fixed is accepted.
/// </summary>
public class UpstreamCelCaseTests
{
    public sealed record RuleCase(string Invalid, string Fixed, string Field, string Message);

    private const string Route = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: shop, namespace: default}
        spec:
          parentRefs: [{name: gateway}]
          hostnames: [shop.example.com]
        """;

    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gateway, namespace: default}
        spec:
          gatewayClassName: shared
        """;

    private const string TlsRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: TLSRoute
        metadata: {name: tls, namespace: default}
        spec:
          parentRefs: [{name: gateway}]
          rules: [{backendRefs: [{name: tls, port: 443}]}]
        """;

    private const string Venafi = """
        apiVersion: cert-manager.io/v1
        kind: Issuer
        metadata: {name: venafi, namespace: default}
        spec:
          venafi:
            zone: DevOps
            tpp: {url: "https://tpp.example.com/vedsdk", credentialsRef: {name: tpp-secret}}
        """;

    private const string ServiceEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: db, namespace: default}
        spec:
          ports: [{number: 5432, name: tcp, protocol: TCP}]
        """;

    private const string PeerAuthentication = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: {name: shop, namespace: default}
        spec:
          portLevelMtls: {"8080": {mode: DISABLE}}
        """;

    private static readonly Dictionary<string, RuleCase> Cases = new()
    {
        ["HTTPRoute: RequestRedirect with backendRefs"] = new(
            Route + "\n  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}], backendRefs: [{name: shop, port: 80}]}]",
            Route + "\n  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}]}]",
            "spec.rules[0]", "RequestRedirect filter must not be used together with backendRefs"),
        ["HTTPRoute: filter type without its field"] = new(
            Route + "\n  rules: [{filters: [{type: RequestRedirect}]}]",
            Route + "\n  rules: [{filters: [{type: RequestRedirect, requestRedirect: {statusCode: 301}}]}]",
            "spec.rules[0].filters[0]", "filter.requestRedirect must be specified for RequestRedirect filter.type"),
        ["HTTPRoute: field of another filter type"] = new(
            Route + "\n  rules: [{filters: [{type: URLRewrite, requestRedirect: {statusCode: 301}}]}]",
            Route + "\n  rules: [{filters: [{type: URLRewrite, urlRewrite: {hostname: shop.internal}}]}]",
            "spec.rules[0].filters[0]", "filter.requestRedirect must be nil if the filter.type is not RequestRedirect"),
        ["HTTPRoute: redirect and rewrite together"] = new(
            Route + "\n  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https}}, {type: URLRewrite, urlRewrite: {hostname: a.example.com}}]}]",
            Route + "\n  rules: [{filters: [{type: URLRewrite, urlRewrite: {hostname: a.example.com}}]}]",
            "spec.rules[0].filters", "May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both"),
        ["HTTPRoute: repeated header modifier"] = new(
            Route + "\n  rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [a]}}, {type: RequestHeaderModifier, requestHeaderModifier: {remove: [b]}}]}]",
            Route + "\n  rules: [{filters: [{type: RequestHeaderModifier, requestHeaderModifier: {remove: [a, b]}}]}]",
            "spec.rules[0].filters", "RequestHeaderModifier filter cannot be repeated"),
        ["HTTPRoute: relative path prefix"] = new(
            Route + "\n  rules: [{matches: [{path: {type: PathPrefix, value: shop}}]}]",
            Route + "\n  rules: [{matches: [{path: {type: PathPrefix, value: /shop}}]}]",
            "spec.rules[0].matches[0].path", "value must be an absolute path and start with '/' when type one of ['Exact', 'PathPrefix']"),
        ["HTTPRoute: double slash in a path"] = new(
            Route + "\n  rules: [{matches: [{path: {type: Exact, value: /shop//cart}}]}]",
            Route + "\n  rules: [{matches: [{path: {type: Exact, value: /shop/cart}}]}]",
            "spec.rules[0].matches[0].path", "must not contain '//' when type one of ['Exact', 'PathPrefix']"),
        ["HTTPRoute: replacePrefixMatch without one PathPrefix match"] = new(
            Route + "\n  rules: [{matches: [{path: {type: Exact, value: /shop}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]}]",
            Route + "\n  rules: [{matches: [{path: {type: PathPrefix, value: /shop}}], filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /}}}]}]",
            "spec.rules[0]", "When using URLRewrite filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified"),
        ["HTTPRoute: path modifier type without its value"] = new(
            Route + "\n  rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath}}}]}]",
            Route + "\n  rules: [{filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /new}}}]}]",
            "spec.rules[0].filters[0].urlRewrite.path", "replaceFullPath must be specified when type is set to 'ReplaceFullPath'"),
        ["HTTPRoute: Service backend without port"] = new(
            Route + "\n  rules: [{backendRefs: [{name: shop}]}]",
            Route + "\n  rules: [{backendRefs: [{name: shop, port: 8080}]}]",
            "spec.rules[0].backendRefs[0]", "Must have port for Service reference"),
        ["HTTPRoute: backend timeout longer than the request timeout"] = new(
            Route + "\n  rules: [{timeouts: {request: 10s, backendRequest: 20s}}]",
            Route + "\n  rules: [{timeouts: {request: 20s, backendRequest: 10s}}]",
            "spec.rules[0].timeouts", "backendRequest timeout cannot be longer than request timeout"),
        ["HTTPRoute: mirror fraction above one"] = new(
            Route + "\n  rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: shadow, port: 80}, fraction: {numerator: 5, denominator: 2}}}]}]",
            Route + "\n  rules: [{filters: [{type: RequestMirror, requestMirror: {backendRef: {name: shadow, port: 80}, fraction: {numerator: 1, denominator: 2}}}]}]",
            "spec.rules[0].filters[0].requestMirror.fraction", "numerator must be less than or equal to denominator"),
        ["HTTPRoute: same parent twice with one sectionName"] = new(
            Route.Replace("parentRefs: [{name: gateway}]", "parentRefs: [{name: gateway}, {name: gateway, sectionName: https}]"),
            Route.Replace("parentRefs: [{name: gateway}]", "parentRefs: [{name: gateway, sectionName: http}, {name: gateway, sectionName: https}]"),
            "spec.parentRefs", "sectionName must be specified when parentRefs includes 2 or more references to the same parent"),
        ["HTTPRoute: same parent section twice"] = new(
            Route.Replace("parentRefs: [{name: gateway}]", "parentRefs: [{name: gateway, sectionName: http}, {name: gateway, sectionName: http}]"),
            Route.Replace("parentRefs: [{name: gateway}]", "parentRefs: [{name: gateway, sectionName: http}, {name: gateway, namespace: edge, sectionName: http}]"),
            "spec.parentRefs", "sectionName must be unique when parentRefs includes 2 or more references to the same parent"),
        ["Gateway: two listeners on one port, protocol and hostname"] = new(
            Gateway + "\n  listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 80, protocol: HTTP}]",
            Gateway + "\n  listeners: [{name: a, port: 80, protocol: HTTP}, {name: b, port: 80, protocol: HTTP, hostname: shop.example.com}]",
            "spec.listeners", "Combination of port, protocol and hostname must be unique for each listener"),
        ["Gateway: hostname address with invalid characters"] = new(
            Gateway + "\n  listeners: [{name: a, port: 80, protocol: HTTP}]\n  addresses: [{type: Hostname, value: Bad_Host.example.com}]",
            Gateway + "\n  listeners: [{name: a, port: 80, protocol: HTTP}]\n  addresses: [{type: Hostname, value: edge.example.com}]",
            "spec.addresses[0]", "Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)"),
        ["Gateway: the same IP address twice"] = new(
            Gateway + "\n  listeners: [{name: a, port: 80, protocol: HTTP}]\n  addresses: [{type: IPAddress, value: 10.0.0.1}, {type: IPAddress, value: 10.0.0.1}]",
            Gateway + "\n  listeners: [{name: a, port: 80, protocol: HTTP}]\n  addresses: [{type: IPAddress, value: 10.0.0.1}, {type: IPAddress, value: 10.0.0.2}]",
            "spec.addresses", "IPAddress values must be unique"),
        ["TLSRoute: an IP as hostname"] = new(
            TlsRoute + "\n  hostnames: [10.0.0.1]",
            TlsRoute + "\n  hostnames: [tls.example.com]",
            "spec.hostnames", "Hostnames cannot contain an IP"),
        ["TLSRoute: wildcard not in the first label"] = new(
            TlsRoute + "\n  hostnames: [\"tls.*.example.com\"]",
            TlsRoute + "\n  hostnames: [\"*.example.com\"]",
            "spec.hostnames", "Wildcards on hostnames must be the first label, and the rest of hostname must be valid based on RFC-1123"),
        ["cert-manager Issuer: Venafi with two back ends"] = new(
            Venafi + "\n    cloud: {apiTokenSecretRef: {name: cloud-secret}}",
            Venafi,
            "spec.venafi", "exactly one of tpp, cloud, or ngts must be configured"),
        ["Istio ServiceEntry: wildcard host"] = new(
            ServiceEntry + "\n  hosts: [\"*\"]",
            ServiceEntry + "\n  hosts: [db.example.com]",
            "spec.hosts[0]", "hostname cannot be wildcard"),
        ["Istio ServiceEntry: CIDR address with DNS resolution"] = new(
            ServiceEntry + "\n  hosts: [db.example.com]\n  addresses: [10.0.0.0/16]\n  resolution: DNS",
            ServiceEntry + "\n  hosts: [db.example.com]\n  addresses: [10.0.0.0/16]\n  resolution: NONE",
            "spec", "CIDR addresses are allowed only for NONE/STATIC resolution types"),
        ["Istio ServiceEntry: port zero"] = new(
            ServiceEntry.Replace("number: 5432", "number: 0") + "\n  hosts: [db.example.com]",
            ServiceEntry + "\n  hosts: [db.example.com]",
            "spec.ports[0].number", "port must be between 1-65535"),
        ["Istio PeerAuthentication: port-level mTLS without selector"] = new(
            PeerAuthentication,
            PeerAuthentication + "\n  selector: {matchLabels: {app: shop}}",
            "spec", "portLevelMtls requires selector"),
        ["Istio PeerAuthentication: port key out of range"] = new(
            PeerAuthentication.Replace("\"8080\"", "\"70000\"") + "\n  selector: {matchLabels: {app: shop}}",
            PeerAuthentication + "\n  selector: {matchLabels: {app: shop}}",
            "spec.portLevelMtls", "port must be between 1-65535"),
        ["Istio RequestAuthentication: JWKS URL not over HTTP"] = new(
            "apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: jwt}\nspec:\n  jwtRules: [{issuer: issuer.example.com, jwksUri: \"ftp://keys.example.com/jwks.json\"}]",
            "apiVersion: security.istio.io/v1\nkind: RequestAuthentication\nmetadata: {name: jwt}\nspec:\n  jwtRules: [{issuer: issuer.example.com, jwksUri: \"https://keys.example.com/jwks.json\"}]",
            "spec.jwtRules[0].jwksUri", "url must have scheme http:// or https://"),
        ["Istio DestinationRule: connect timeout under 1ms"] = new(
            "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: shop}\nspec:\n  host: shop\n  trafficPolicy: {connectionPool: {tcp: {connectTimeout: 500us}}}",
            "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: shop}\nspec:\n  host: shop\n  trafficPolicy: {connectionPool: {tcp: {connectTimeout: 5s}}}",
            "spec.trafficPolicy.connectionPool.tcp.connectTimeout", "must be a valid duration greater than 1ms"),
        ["Istio AuthorizationPolicy: service accounts with principals"] = new(
            "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: shop}\nspec:\n  rules: [{from: [{source: {serviceAccounts: [default/web], principals: [cluster.local/ns/default/sa/web]}}]}]",
            "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: shop}\nspec:\n  rules: [{from: [{source: {principals: [cluster.local/ns/default/sa/web]}}]}]",
            "spec.rules[0].from[0].source", "Cannot set serviceAccounts with namespaces or principals"),
        ["Istio AuthorizationPolicy: targetRefs and selector"] = new(
            "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: shop}\nspec:\n  selector: {matchLabels: {app: shop}}\n  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: gateway}]",
            "apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: shop}\nspec:\n  targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: gateway}]",
            "spec", "only one of targetRefs or selector can be set"),
        ["Istio WorkloadEntry: relative Unix socket"] = new(
            "apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata: {name: vm}\nspec:\n  address: unix://relative.sock",
            "apiVersion: networking.istio.io/v1\nkind: WorkloadEntry\nmetadata: {name: vm}\nspec:\n  address: unix:///var/run/app.sock",
            "spec.address", "UDS must be an absolute path or abstract socket"),
        ["Istio WasmPlugin: module URL scheme"] = new(
            "apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata: {name: auth}\nspec:\n  url: \"ftp://registry.example.com/auth.wasm\"",
            "apiVersion: extensions.istio.io/v1alpha1\nkind: WasmPlugin\nmetadata: {name: auth}\nspec:\n  url: registry.example.com/filters/auth:1.0",
            "spec.url", "url must have schema one of [http, https, file, oci]"),
        ["Traefik Middleware: prefix without a slash"] = new(
            "apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: prefix}\nspec:\n  addPrefix: {prefix: api}",
            "apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: prefix}\nspec:\n  addPrefix: {prefix: /api}",
            "spec.addPrefix.prefix", "must start with a '/'"),
        ["Traefik ServersTransport: root CA from a Secret and a ConfigMap"] = new(
            "apiVersion: traefik.io/v1alpha1\nkind: ServersTransport\nmetadata: {name: backend}\nspec:\n  rootCAs: [{secret: ca, configMap: ca}]",
            "apiVersion: traefik.io/v1alpha1\nkind: ServersTransport\nmetadata: {name: backend}\nspec:\n  rootCAs: [{secret: ca}, {configMap: ca}]",
            "spec.rootCAs[0]", "RootCA cannot have both Secret and ConfigMap defined."),
    };

    public static TheoryData<string> CaseNames() => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void An_object_breaking_an_upstream_rule_is_refused_with_its_message_and_the_fixed_object_is_accepted(string name)
    {
        var rule = Cases[name];

        var refused = UpstreamSchemas.All.Validate(Yaml.Object(rule.Invalid));
        var accepted = UpstreamSchemas.All.Validate(Yaml.Object(rule.Fixed));

        Assert.Contains(refused, error => error.Field == rule.Field && error.Detail == rule.Message && error.Type == FieldErrorType.Invalid);
        Assert.Empty(accepted);
    }

    [Fact]
    public void A_failed_rule_reads_as_the_apiserver_prints_it_with_the_node_type_as_value()
    {
        var errors = UpstreamSchemas.All.Validate(Yaml.Object(Cases["HTTPRoute: RequestRedirect with backendRefs"].Invalid));

        var error = Assert.Single(errors);
        Assert.Equal("spec.rules[0]: Invalid value: \"object\": RequestRedirect filter must not be used together with backendRefs", error.Message);
    }

    [Fact]
    public void A_transition_rule_runs_on_update_only()
    {
        const string gatewayClass = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: GatewayClass
            metadata: {name: shared}
            spec: {controllerName: example.com/gateway-controller}
            """;
        var old = Yaml.Object(gatewayClass);
        var changed = Yaml.Object(gatewayClass.Replace("example.com/gateway-controller", "example.com/other-controller"));

        Assert.Empty(UpstreamSchemas.All.Validate(changed));
        Assert.Empty(UpstreamSchemas.All.ValidateUpdate(Yaml.Object(gatewayClass), old));
        var error = Assert.Single(UpstreamSchemas.All.ValidateUpdate(changed, old));
        Assert.Equal("spec.controllerName: Invalid value: \"string\": Value is immutable", error.Message);
    }
}
