using Bunit;
using Kubemate.Cluster.Apply;
using Kubemate.WebConsole.Onboarding;
using Kubemate.Application.Onboarding;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kubemate.WebConsole.Tests.Onboarding;

public sealed class OnboardingPreviewDialogTests : ConsoleTestContext
{
    private static readonly OnboardingPlan Plan = new(
        "users", false, new ObjectDiff("metadata:\n  annotations:\n    linkerd.io/inject: enabled\n", "{}\n"),
        [new PlannedRestart("Deployment", "users", 2, 2)], []);

    [Theory]
    [InlineData("preview-confirm", false, PreviewChoice.Apply)]
    [InlineData("preview-gitops", false, PreviewChoice.ExportForGitOps)]
    [InlineData("preview-cancel", true, null)]
    public async Task The_dialog_answers_whether_the_user_applies_exports_for_gitops_or_cancels(string button, bool canceled, PreviewChoice? choice)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Bunit.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<OnboardingPreviewDialog> { { d => d.Plan, Plan } };

        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<OnboardingPreviewDialog>(null, parameters));
        Assert.Contains("Turn the mesh off for users?", provider.Markup);
        provider.Find($"[data-testid={button}]").Click();

        var result = await dialog.Result;
        Assert.Equal(canceled, result!.Canceled);
        Assert.Equal(choice, result.Data as PreviewChoice?);
    }
}
