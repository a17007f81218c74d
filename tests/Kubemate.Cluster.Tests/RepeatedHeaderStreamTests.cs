using System.Text;
using Kubemate.Cluster.Identity;

namespace Kubemate.Cluster.Tests;

/// <summary>Impersonated groups leave as one header line each, and nothing but the header block is touched.</summary>
public sealed class RepeatedHeaderStreamTests
{
    [Fact]
    public void Comma_joined_groups_become_one_header_line_per_group()
    {
        var request = "GET /api HTTP/1.1\r\nImpersonate-User: carol\r\nImpersonate-Group: a, b, c\r\nAccept: */*\r\n\r\n";

        var rewritten = Encoding.ASCII.GetString(RepeatedHeaderStream.Rewrite(Encoding.ASCII.GetBytes(request)));

        Assert.Equal("GET /api HTTP/1.1\r\nImpersonate-User: carol\r\nImpersonate-Group: a\r\nImpersonate-Group: b\r\nImpersonate-Group: c\r\nAccept: */*\r\n\r\n", rewritten);
    }

    [Fact]
    public void A_body_that_looks_like_the_header_is_left_alone()
    {
        var request = "POST /api HTTP/1.1\r\nImpersonate-Group: a\r\n\r\nx\r\nImpersonate-Group: p, q\r\n";
        var body = "data\r\nImpersonate-Group: p, q\r\n";

        Assert.Equal(request, Encoding.ASCII.GetString(RepeatedHeaderStream.Rewrite(Encoding.ASCII.GetBytes(request))));
        Assert.Equal(body, Encoding.ASCII.GetString(RepeatedHeaderStream.Rewrite(Encoding.ASCII.GetBytes(body))));
    }
}
