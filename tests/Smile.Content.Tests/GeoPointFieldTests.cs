using Smile.Content.Definitions;
using static Smile.Content.Tests.Normalizing;

namespace Smile.Content.Tests;

public sealed class GeoPointFieldTests
{
    private const string Expected = "Erwartet wird ein Geopunkt { \"lat\": Breite, \"lon\": Länge }.";

    [Fact]
    public void A_point_in_rostock_is_stored_as_lat_and_lon()
    {
        var result = Normalize(FieldKind.GeoPoint, "{\"lat\":54.0887,\"lon\":12.1403}");

        Assert.Equal("{\"lat\":54.0887,\"lon\":12.1403}", result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{\"lat\":90,\"lon\":180}", "{\"lat\":90,\"lon\":180}")]
    [InlineData("{\"lat\":-90,\"lon\":-180}", "{\"lat\":-90,\"lon\":-180}")]
    [InlineData("{\"lon\":0,\"lat\":0}", "{\"lat\":0,\"lon\":0}")]
    public void The_edges_of_the_ranges_are_allowed(string json, string stored)
    {
        var result = Normalize(FieldKind.GeoPoint, json);

        Assert.Equal(stored, result.Json);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{\"lat\":91,\"lon\":12}", "(91, 12)")]
    [InlineData("{\"lat\":-91,\"lon\":12}", "(-91, 12)")]
    [InlineData("{\"lat\":54,\"lon\":181}", "(54, 181)")]
    [InlineData("{\"lat\":54,\"lon\":-181}", "(54, -181)")]
    public void Coordinates_out_of_range_are_refused(string json, string point)
    {
        var result = Normalize(FieldKind.GeoPoint, json);

        Assert.Null(result.Value);
        Assert.Equal($"Der Geopunkt {point} liegt außerhalb von Breite −90…90 und Länge −180…180.", result.Error);
    }

    [Theory]
    [InlineData("{\"lat\":54}")]
    [InlineData("{\"lon\":12}")]
    [InlineData("{\"lat\":\"54.1\",\"lon\":12}")]
    [InlineData("{\"lat\":54,\"lon\":null}")]
    [InlineData("[54,12]")]
    [InlineData("\"54.1,12.1\"")]
    public void Anything_but_an_object_with_numeric_lat_and_lon_is_refused(string json)
    {
        var result = Normalize(FieldKind.GeoPoint, json);

        Assert.Null(result.Value);
        Assert.Equal(Expected, result.Error);
    }

    [Fact]
    public void Other_properties_of_the_point_are_not_stored()
    {
        var result = Normalize(FieldKind.GeoPoint, "{\"lat\":54.1,\"lon\":12.1,\"alt\":10,\"name\":\"Dierkow\"}");

        Assert.Equal("{\"lat\":54.1,\"lon\":12.1}", result.Json);
    }

    [Fact]
    public void A_point_produces_no_index_entries_and_no_relations()
    {
        Assert.Empty(Index(FieldKind.GeoPoint, "{\"lat\":54.1,\"lon\":12.1}"));
        Assert.Empty(Relations(FieldKind.GeoPoint, "{\"lat\":54.1,\"lon\":12.1}"));
    }
}
