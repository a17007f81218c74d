using Bunit;
using Kubemate.WebConsole.Layout;
using Kubemate.WebConsole.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Kubemate.WebConsole.Tests.Localization;

public sealed class LanguageSwitchTests : ConsoleTestContext
{
    [Fact]
    public void Choosing_chinese_goes_to_the_culture_switch_and_back_to_the_same_page()
    {
        var navigation = Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/audit?user=alice");
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<LanguageSwitch>();

        menu.Find("button").Click();
        popovers.WaitForElement("[data-testid='language-zh-CN']").Click();

        // The item's click handler navigates after the popover closes, asynchronously on a busy machine.
        menu.WaitForAssertion(() => Assert.Equal("http://localhost/culture/set?culture=zh-CN&redirectUri=%2Faudit%3Fuser%3Dalice", navigation.Uri),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_current_language_is_the_one_that_cannot_be_chosen_again()
    {
        UseCulture("zh-CN");
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<LanguageSwitch>();

        menu.Find("button").Click();

        Assert.Equal("zh-CN", LanguageSwitch.Current);
        Assert.Contains("mud-disabled", popovers.WaitForElement("[data-testid='language-zh-CN']").OuterHtml);
        Assert.DoesNotContain("mud-disabled", popovers.Find("[data-testid='language-en']").OuterHtml);
    }

    [Theory]
    [InlineData("/namespaces", "/namespaces")]
    [InlineData("/audit?user=alice", "/audit?user=alice")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Redirects_after_a_switch_stay_on_this_site(string? requested, string expected) =>
        Assert.Equal(expected, LocalRedirects.Sanitize(requested));

    [Theory]
    [InlineData("zh-cn", "zh-CN")]
    [InlineData("EN", "en")]
    [InlineData("fr", null)]
    public void Only_english_and_chinese_are_offered(string requested, string? expected) =>
        Assert.Equal(expected, ConsoleCultures.Find(requested));
}
