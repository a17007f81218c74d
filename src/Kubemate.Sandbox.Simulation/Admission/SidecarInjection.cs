using System.Text.Json.Nodes;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Simulation.Injection;
using Kubemate.Sandbox.Simulation.Injection.Istio;
using Kubemate.Sandbox.Simulation.Injection.Linkerd;
using Kubemate.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// The mesh proxy-injector webhooks of the sandbox: on pod creation, Linkerd's injector (when Linkerd is installed)
/// and then Istio's (when istiod is installed) decide from the pod and its Namespace whether to add their proxy.
/// A pod that got one mesh's proxy is skipped by the other, as each injector skips already-injected pods.
/// </summary>
public sealed class SidecarInjection(ILogger logger) : IAdmissionPlugin
{
    private readonly LinkerdInstallation _linkerd = new();

    public bool Mutates => true;

    public void Admit(AdmissionRequest request)
    {
        if (request.Type.Group.Length > 0 || request.Type.Kind != "Pod" || request.Operation != AdmissionOperation.Create || request.Subresource.Length > 0)
        {
            return;
        }
        var ns = request.Store.Get(new ObjectKey("/namespaces", "", request.Namespace))?.Object;
        if (_linkerd.Read(request.Store) is { } linkerd)
        {
            Apply(request, LinkerdInjector.Inject(request.Object, ns, linkerd), "linkerd");
        }
        if (IstioInstallation.Read(request.Store) is { } istio)
        {
            Apply(request, IstioInjector.Inject(request.Object, ns, istio), "istio");
        }
    }

    private void Apply(AdmissionRequest request, InjectionOutcome outcome, string mesh)
    {
        foreach (var warning in outcome.Warnings)
        {
            logger.LogWarning("{Mesh} injection of a pod in {Namespace}: {Warning}", mesh, request.Namespace, warning);
        }
        if (!outcome.Injected)
        {
            return;
        }
        // The request's object is the one that will be stored: move the injected pod's fields into it.
        var target = request.Object;
        target.Clear();
        foreach (var name in outcome.Pod.Select(p => p.Key).ToList())
        {
            var value = outcome.Pod[name];
            outcome.Pod.Remove(name);
            target[name] = value;
        }
        logger.LogDebug("{Mesh} injected its proxy into a pod in {Namespace}: {Reason}", mesh, request.Namespace, outcome.Reason);
    }
}
