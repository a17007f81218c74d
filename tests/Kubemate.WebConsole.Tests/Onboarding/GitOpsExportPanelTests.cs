using System.Text;
using Bunit;
using Kubemate.Application.Onboarding;
using Kubemate.WebConsole.Onboarding;

namespace Kubemate.WebConsole.Tests.Onboarding;

public sealed class GitOpsExportPanelTests : ConsoleTestContext
{
    private static readonly OnboardingExport Export = new(
        "cluster_namespace.core_users.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: users\n  annotations:\n    linkerd.io/inject: enabled\n");

    [Fact]
    public void The_download_carries_the_exported_yaml_under_its_repository_file_name()
    {
        var panel = Render<GitOpsExportPanel>(p => p.Add(x => x.Export, Export));

        var download = panel.Find("[data-testid=gitops-download]");
        Assert.Equal("cluster_namespace.core_users.yaml", download.GetAttribute("download"));
        var href = download.GetAttribute("href")!;
        const string prefix = "data:application/yaml;charset=utf-8;base64,";
        Assert.StartsWith(prefix, href);
        Assert.Equal(Export.Yaml, Encoding.UTF8.GetString(Convert.FromBase64String(href[prefix.Length..])));
        Assert.Equal(Export.Yaml, panel.Find("[data-testid=gitops-yaml]").TextContent);
        Assert.Contains("Nothing was applied", panel.Markup);
    }

    [Fact]
    public void The_panel_is_in_chinese_for_a_chinese_user_and_closes()
    {
        UseCulture("zh-CN");
        var closed = false;
        var panel = Render<GitOpsExportPanel>(p => p.Add(x => x.Export, Export).Add(x => x.OnClose, () => closed = true));

        Assert.Contains("已导出供 GitOps 使用：cluster_namespace.core_users.yaml", panel.Markup);
        Assert.Contains("下载 YAML", panel.Find("[data-testid=gitops-download]").TextContent);
        panel.Find("[data-testid=gitops-close]").Click();
        Assert.True(closed);
    }
}
