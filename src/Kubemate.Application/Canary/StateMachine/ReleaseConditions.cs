using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Collections;

namespace Kubemate.Application.Canary.StateMachine;

/// <summary>
/// Keeps one condition per phase: the phase entered is True, the phase left is False. A condition's
/// lastTransitionTime changes only when its status does, as Kubernetes conditions do.
/// </summary>
internal static class ReleaseConditions
{
    public static ValueList<ReleaseCondition> Enter(ValueList<ReleaseCondition> conditions, ReleasePhase from, ReleasePhase to, string reason, string message, DateTimeOffset now)
    {
        var list = conditions.ToList();
        if (from != to)
        {
            Set(list, from, ConditionStatus.False, reason, message, now);
        }
        Set(list, to, ConditionStatus.True, reason, message, now);
        return [.. list.OrderBy(c => c.Type)];
    }

    private static void Set(List<ReleaseCondition> list, ReleasePhase type, ConditionStatus status, string reason, string message, DateTimeOffset now)
    {
        var index = list.FindIndex(c => c.Type == type);
        var since = index >= 0 && list[index].Status == status ? list[index].LastTransitionTime : now;
        var condition = new ReleaseCondition(type, status, since, reason, message);
        if (index >= 0)
        {
            list[index] = condition;
        }
        else
        {
            list.Add(condition);
        }
    }
}
