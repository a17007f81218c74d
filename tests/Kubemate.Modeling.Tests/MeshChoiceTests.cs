using Kubemate.Drivers.Istio;
using Kubemate.Drivers.Linkerd;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Tests;

public class MeshChoiceTests
{
    private static readonly MeshDriverRegistry Drivers = new MeshDriverRegistry().AddLinkerd().AddIstio();

    [Fact]
    public void The_mesh_settings_of_a_model_set_choose_its_mesh()
    {
        var problems = new List<ValidationProblem>();

        var mesh = MeshChoice.Choose(ModelSet.FromModels("model.yaml[0].spec", new MeshSettings { Provider = "istio" }), Drivers, "linkerd", problems);

        Assert.Equal("istio", mesh);
        Assert.Empty(problems);
    }

    [Fact]
    public void Without_settings_or_preserved_data_the_fallback_is_chosen()
    {
        var problems = new List<ValidationProblem>();

        Assert.Equal("linkerd", MeshChoice.Choose(ModelSet.Empty, Drivers, "linkerd", problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Settings_that_disagree_are_a_problem_at_the_last_one()
    {
        var models = new ModelSet(
        [
            new ModelDocument(new MeshSettings { Provider = "istio" }, "a.yaml[0].spec"),
            new ModelDocument(new MeshSettings { Provider = "linkerd" }, "b.yaml[0].spec"),
        ]);
        var problems = new List<ValidationProblem>();

        var mesh = MeshChoice.Choose(models, Drivers, "linkerd", problems);

        Assert.Equal("linkerd", mesh);
        var problem = Assert.Single(problems);
        Assert.Equal("b.yaml[0].spec.provider", problem.Path);
        Assert.Contains("disagree (istio, linkerd)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mesh_the_drivers_do_not_offer_is_a_problem_naming_the_field_and_the_meshes_offered()
    {
        var problems = new List<ValidationProblem>();

        var mesh = MeshChoice.Choose(ModelSet.FromModels("model.yaml[0].spec", new MeshSettings { Provider = "kuma" }), new MeshDriverRegistry().AddIstio(), "istio", problems);

        Assert.Equal("istio", mesh);
        var problem = Assert.Single(problems);
        Assert.Equal("model.yaml[0].spec.provider", problem.Path);
        Assert.Equal("'kuma' is not a mesh (one of istio)", problem.Reason);
    }
}
