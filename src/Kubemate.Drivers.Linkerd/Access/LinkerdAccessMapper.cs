using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>Access intents as Linkerd policy (see <see cref="LinkerdAccessRenderer"/> and <see cref="LinkerdAccessReader"/>).</summary>
internal sealed class LinkerdAccessMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is AccessIntent;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var intent = (AccessIntent)model;
        var problems = new List<ValidationProblem>();
        if (intent.To.AllInNamespace && intent.Namespace is null)
        {
            problems.Add(new("namespace", "an intent for every endpoint of a namespace needs the namespace"));
        }
        if (intent.To.AllInNamespace && intent.Http.Count > 0)
        {
            problems.Add(new("http", "Linkerd attaches HTTP rules to one Server; give the target pods and port"));
        }
        var hints = ModelHints.Of(intent)["from"] as JsonArray;
        for (var i = 0; i < intent.From.Count; i++)
        {
            var path = $"from[{i}]";
            var source = intent.From[i];
            var hint = SourceHints.FromJson(hints is not null && i < hints.Count ? hints[i] : null);
            if (hint.Legacy && intent.Http.Count > 0)
            {
                problems.Add(new(path, "a ServerAuthorization cannot carry HTTP rules; drop the hints to render an AuthorizationPolicy"));
            }
            if (hint.Direct && (source.Identities.Count != 1 || source.Identities[0].Kind is not (PeerKind.ServiceAccount or PeerKind.Workload)))
            {
                problems.Add(new(FieldPath.Child(path, "identities"), "a direct ServiceAccount reference holds exactly one service account"));
            }
            for (var j = 0; j < source.Identities.Count; j++)
            {
                var peer = source.Identities[j];
                var peerPath = FieldPath.Index(FieldPath.Child(path, "identities"), j);
                if (peer.Kind == PeerKind.Workload && peer.ServiceAccount is null)
                {
                    problems.Add(new(FieldPath.Child(peerPath, "serviceAccount"), "Linkerd authenticates a workload by its service account; give it"));
                }
                if (hint.UsesIdentityStrings(source) && peer.Kind is PeerKind.ServiceAccount or PeerKind.Workload && peer.Namespace is null && intent.Namespace is null)
                {
                    problems.Add(new(FieldPath.Child(peerPath, "namespace"), "an identity string needs the service account's namespace"));
                }
                if (!hint.UsesIdentityStrings(source) && hint.Legacy && peer.Kind == PeerKind.Namespace)
                {
                    problems.Add(new(peerPath, "a ServerAuthorization names namespaces only as identity strings"));
                }
            }
        }
        return problems;
    }

    public IEnumerable<JsonObject> Render(IMeshModel model) => LinkerdAccessRenderer.Render((AccessIntent)model, ModelHints.Of(model));

    public IEnumerable<IMeshModel> Read(ObjectPool pool) => new LinkerdAccessReader(pool).Read();
}
