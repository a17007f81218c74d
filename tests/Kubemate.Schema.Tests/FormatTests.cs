using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class FormatTests
{
    [Theory]
    [InlineData("date-time", "2024-02-29T12:30:00Z", true)]
    [InlineData("date-time", "2024-02-29t12:30:00.123+02:00", true)]
    [InlineData("date-time", "2023-02-29T12:30:00Z", false)]
    [InlineData("date-time", "2024-01-01T24:00:00Z", false)]
    [InlineData("date-time", "2024-01-01 12:00:00Z", false)]
    [InlineData("date", "2024-12-31", true)]
    [InlineData("date", "2024-13-01", false)]
    [InlineData("duration", "1h30m", true)]
    [InlineData("duration", "-1.5s", true)]
    [InlineData("duration", "3 days", true)]
    [InlineData("duration", "10x", false)]
    [InlineData("duration", "", false)]
    [InlineData("ipv4", "10.0.0.1", true)]
    [InlineData("ipv4", "10.0.0.256", false)]
    [InlineData("ipv4", "10.0.0.01", false)]
    [InlineData("ipv6", "fd00::1", true)]
    [InlineData("ipv6", "fd00:::1", false)]
    [InlineData("ipv6", "::ffff:10.0.0.1", true)]
    [InlineData("cidr", "10.0.0.0/8", true)]
    [InlineData("cidr", "fd00::/64", true)]
    [InlineData("cidr", "10.0.0.0/33", false)]
    [InlineData("cidr", "10.0.0.0", false)]
    [InlineData("mac", "00:00:5e:00:53:01", true)]
    [InlineData("mac", "0000.5e00.5301", true)]
    [InlineData("mac", "00:00:5e:00:53", false)]
    [InlineData("uri", "https://example.com/path?q=1", true)]
    [InlineData("uri", "/absolute/path", true)]
    [InlineData("uri", "mailto:ops@example.com", true)]
    [InlineData("uri", "relative/path", false)]
    [InlineData("uri", "https://exa mple.com/", false)]
    [InlineData("email", "ops@example.com", true)]
    [InlineData("email", "not-an-email", false)]
    [InlineData("hostname", "example.com", true)]
    [InlineData("hostname", "web-1", true)]
    [InlineData("hostname", "-bad.example.com", false)]
    [InlineData("hostname", "example.c", false)]
    [InlineData("uuid", "123e4567-e89b-12d3-a456-426614174000", true)]
    [InlineData("uuid", "123e4567e89b12d3a456426614174000", true)]
    [InlineData("uuid", "123e4567-e89b", false)]
    [InlineData("uuid4", "123e4567-e89b-42d3-a456-426614174000", true)]
    [InlineData("uuid4", "123e4567-e89b-12d3-a456-426614174000", false)]
    [InlineData("byte", "aGVsbG8=", true)]
    [InlineData("byte", "not base64!", false)]
    [InlineData("isbn10", "0321751043", true)]
    [InlineData("isbn13", "978-0321751041", true)]
    [InlineData("hexcolor", "#ffaa00", true)]
    [InlineData("rgbcolor", "rgb(255, 0, 10)", true)]
    [InlineData("k8s-short-name", "my-name", true)]
    [InlineData("k8s-short-name", "My-Name", false)]
    [InlineData("k8s-long-name", "a.b.c", true)]
    [InlineData("password", "anything at all", true)]
    [InlineData("int-or-whatever", "ignored because unknown", true)]
    public void String_formats_are_checked_as_the_apiserver_checks_them(string format, string value, bool valid)
    {
        var schema = Yaml.Schema($"{{type: string, format: {format}}}");

        var errors = SchemaValidator.Validate(JsonValue.Create(value), schema);

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void A_format_violation_names_the_format()
    {
        var schema = Yaml.Schema("{type: object, properties: {at: {type: string, format: date-time}}}");

        var error = Assert.Single(SchemaValidator.Validate(Yaml.Object("at: yesterday"), schema));

        Assert.Equal(FieldErrorType.TypeInvalid, error.Type);
        Assert.Equal("at: Invalid value: \"yesterday\": at in body must be of type date-time: \"yesterday\"", error.Message);
    }

    [Fact]
    public void Numeric_formats_are_not_range_checked_as_in_the_apiserver()
    {
        var schema = Yaml.Schema("{type: integer, format: int32}");

        Assert.Empty(SchemaValidator.Validate(JsonValue.Create(5_000_000_000L), schema));
    }
}
