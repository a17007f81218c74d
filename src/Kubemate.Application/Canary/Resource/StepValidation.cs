using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Resource;

/// <summary>Progressive steps: at least one, weights 1-99 strictly increasing, pauses as durations.</summary>
internal static class StepValidation
{
    public static IEnumerable<ValidationProblem> Problems(ValueList<ReleaseStep> steps, string path)
    {
        if (steps.Count == 0)
        {
            yield return new(path, "mode progressive needs at least one step (e.g. weights 5, 25, 50)");
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var step = FieldPath.Index(path, i);
            var weight = steps[i].Weight;
            if (weight is < 1 or > 99)
            {
                yield return new(FieldPath.Child(step, "weight"), $"{weight} is not a percent of requests from 1 to 99 (promotion takes the canary to 100)");
            }
            else if (i > 0 && weight <= steps[i - 1].Weight)
            {
                yield return new(FieldPath.Child(step, "weight"), $"{weight} does not increase on the previous step's {steps[i - 1].Weight}");
            }
            foreach (var problem in DurationChecks.OptionalDuration(steps[i].Pause, FieldPath.Child(step, "pause")))
            {
                yield return problem;
            }
        }
    }
}
