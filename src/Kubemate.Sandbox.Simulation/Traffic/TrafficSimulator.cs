using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Controllers;
using Kubemate.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The sandbox's traffic simulator: installs the <c>TrafficFault</c> CRD, serves the simulated pods' metrics
/// endpoints through the pod proxy subresource, and every <see cref="SimulationOptions.TrafficTickInterval"/> of
/// the sandbox clock advances the demo traffic (<see cref="DemoTrafficProfile"/>) over the current cluster state.
/// With a zero interval it ticks only when <see cref="Tick"/> is called (tests drive it that way).
/// </summary>
public sealed class TrafficSimulator(SimulationOptions options) : ISandboxComponent
{
    public const string Manager = "kubemate-traffic-simulator";

    private readonly TrafficEngine _engine = new(DemoTrafficProfile.Edges, options.TrafficSeed);
    private readonly HashSet<string> _crashedFaults = [];
    private readonly CrashLoops _crashLoops = new();
    private readonly object _tickGate = new();
    private readonly CancellationTokenSource _stopping = new();
    private SandboxContext? _context;
    private ILogger? _logger;
    private ClusterView? _view;
    private Task? _loop;

    public Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken)
    {
        _context = context;
        _logger = context.Loggers.CreateLogger<TrafficSimulator>();
        InstallCrd(context);
        context.ProxyBackend = new ProxyMetricsBackend(_engine);
        if (options.TrafficTickInterval > TimeSpan.Zero)
        {
            _loop = Task.Run(() => Loop(options.TrafficTickInterval));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Advances the traffic by <paramref name="elapsed"/> of simulated time over the cluster state as it is now:
    /// crash faults not yet applied restart their pods first and crash-looping pods crash again or recover (on the
    /// time the ticks add up to), then every edge sends its requests.
    /// </summary>
    public void Tick(TimeSpan elapsed)
    {
        var context = _context ?? throw new InvalidOperationException("the traffic simulator has not been started");
        lock (_tickGate)
        {
            var view = CurrentView(context.Store);
            var restarted = ApplyCrashes(context, view);
            if (_crashLoops.Advance(view, elapsed, context.Writer, context.Clock, Manager) | restarted)
            {
                view = CurrentView(context.Store);
            }
            _engine.Tick(view, elapsed);
        }
    }

    private static void InstallCrd(SandboxContext context)
    {
        var crd = TrafficFaultCrd.Definition();
        var key = new ObjectKey("apiextensions.k8s.io/customresourcedefinitions", "", TrafficFaultCrd.Name);
        if (context.Store.Get(key) is null)
        {
            context.Writer.Create(crd, Manager);
            return;
        }
        context.Writer.Update(key, existing =>
        {
            if (JsonNode.DeepEquals(existing["spec"], crd["spec"]))
            {
                return false;
            }
            existing["spec"] = crd["spec"]!.DeepClone();
            return true;
        }, Manager);
    }

    private ClusterView CurrentView(ObjectStore store)
    {
        var fingerprint = ClusterView.FingerprintOf(store);
        if (_view?.Fingerprint != fingerprint)
        {
            _view = ClusterView.Build(store);
        }
        return _view;
    }

    /// <summary>Restarts the containers of the pods of each crash fault once per created or changed fault.</summary>
    private bool ApplyCrashes(SandboxContext context, ClusterView view)
    {
        var restarted = false;
        foreach (var fault in view.Faults.Where(f => f.Crash && !_crashedFaults.Contains(f.Revision)))
        {
            _crashedFaults.Add(fault.Revision);
            foreach (var pod in view.AllPods.Where(p => ClusterView.Selects(fault, p) && PodState.IsActive(p.Object)))
            {
                context.Writer.Update(new ObjectKey(ClusterView.Pods, pod.Namespace, pod.Name), next => Restart(next, Workloads.Now(context.Clock)), Manager, "status");
                restarted = true;
                _logger?.LogInformation("traffic fault {Namespace}/{Fault} restarted pod {Pod}", fault.Namespace, fault.Name, pod.Name);
            }
        }
        return restarted;
    }

    private static bool Restart(JsonObject pod, string now)
    {
        var uid = pod.GetString("metadata", "uid") ?? "";
        foreach (var status in (pod.At("status", "containerStatuses") as JsonArray ?? []).OfType<JsonObject>())
        {
            var restarts = (status.GetLong("restartCount") ?? 0) + 1;
            status["restartCount"] = restarts;
            status["lastState"] = new JsonObject
            {
                ["terminated"] = new JsonObject
                {
                    ["exitCode"] = 137,
                    ["reason"] = "Error",
                    ["startedAt"] = status.GetString("state", "running", "startedAt"),
                    ["finishedAt"] = now,
                    ["containerID"] = status.GetString("containerID"),
                },
            };
            status["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = now } };
            status["containerID"] = ContainerImages.ContainerId(uid, status.GetString("name") ?? "", restarts);
        }
        return true;
    }

    private async Task Loop(TimeSpan interval)
    {
        var clock = _context!.Clock;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, _stopping.Token);
                Tick(interval);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger?.LogWarning(ex, "a traffic tick failed; the next one retries");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _stopping.Dispose();
    }
}
