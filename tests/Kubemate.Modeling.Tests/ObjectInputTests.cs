using Kubemate.Model.Validation;
using Kubemate.Modeling.Import;

namespace Kubemate.Modeling.Tests;

public class ObjectInputTests
{
    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: web
        """;

    [Fact]
    public void Lists_are_expanded_and_documents_of_every_source_read_in_order()
    {
        var list = """{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"v1","kind":"Secret","metadata":{"name":"a","namespace":"web"}},{"apiVersion":"v1","kind":"Secret","metadata":{"name":"b","namespace":"web"}}]}""";
        var problems = new List<ValidationProblem>();

        var objects = ObjectInput.Parse([new("one.yaml", ConfigMap), new("two.json", list)], "objects", problems);

        Assert.Empty(problems);
        Assert.Equal(["settings", "a", "b"], objects.Select(o => o["metadata"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void An_object_without_api_version_or_kind_is_named_by_source_and_document()
    {
        var problems = new List<ValidationProblem>();

        ObjectInput.Parse([new("objects.yaml", ConfigMap + "\n---\nmetadata:\n  name: x\n")], "objects", problems);

        Assert.Equal(["objects.yaml[1].apiVersion", "objects.yaml[1].kind"], problems.Select(p => p.Path));
    }

    [Fact]
    public void An_object_given_twice_and_an_input_without_objects_are_problems_of_the_field()
    {
        var twice = new List<ValidationProblem>();
        var none = new List<ValidationProblem>();

        ObjectInput.Parse([new("a.yaml", ConfigMap), new("b.yaml", ConfigMap)], "-f", twice);
        ObjectInput.Parse([new("empty.yaml", "")], "-f", none);

        Assert.Equal(new ValidationProblem("-f", "ConfigMap/web/settings is given 2 times"), Assert.Single(twice));
        Assert.Equal(new ValidationProblem("-f", "holds no Kubernetes objects"), Assert.Single(none));
    }

    [Fact]
    public void Text_that_is_not_yaml_is_a_problem_of_its_source()
    {
        var problems = new List<ValidationProblem>();

        var objects = ObjectInput.Parse([new("broken.yaml", "kind: [unclosed")], "objects", problems);

        Assert.Empty(objects);
        Assert.Equal("broken.yaml", Assert.Single(problems).Path);
    }
}
