using System.Text.RegularExpressions;
using CsCheck;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing.BadInput;

namespace Kubemate.Modeling.Tests;

/// <summary>
/// Generated bad model files (<see cref="BadDocuments"/> from <see cref="ModelFileDocuments.TrafficSplit"/>): each is
/// refused with problems naming the member or the limit (or, for bytes that are not UTF-8, by the decoder naming the
/// line), never an exception and never a model. A bad name is a problem of the model, found when it is rendered
/// (<c>render -f</c> in the CLI's corpus), not of the file, so it is left out here.
/// </summary>
public class BadModelFileCorpusTests
{
    [Fact]
    public void Generated_bad_model_files_are_problems_naming_the_field_or_limit()
    {
        var spec = ModelFileDocuments.TrafficSplit with { Mutations = [.. ModelFileDocuments.TrafficSplit.Mutations.Where(m => m != Mutation.BadName)] };
        BadDocuments.Of(spec).Sample(document =>
        {
            string text;
            try
            {
                text = YamlText.Decode(document.Bytes);
            }
            catch (YamlFormatException error)
            {
                Assert.Matches(document.Mentions, error.Message);
                return;
            }
            var (models, problems) = ModelFileReader.Read(text, "model.yaml");

            Assert.True(problems.Count > 0, $"{document}: read as {models.Documents.Count} models without a problem");
            var report = string.Join("\n", problems.Select(p => $"{p.Path}: {p.Reason}"));
            Assert.True(Regex.IsMatch(report, document.Mentions, RegexOptions.IgnoreCase), $"{document}: the problems name neither {document.Mentions}:\n{report}");
        }, iter: BadInputRuns.Iterations, threads: 1);
    }
}
