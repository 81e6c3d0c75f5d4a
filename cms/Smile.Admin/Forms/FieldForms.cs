using System.Globalization;
using System.Text.Json.Nodes;
using Smile.Admin.Localization;
using Smile.Content.Definitions;
using Smile.Content.Fields;
using Smile.Content.Items;

namespace Smile.Admin.Forms;

/// <summary>
/// Between the stored JSON of each field kind and the inputs of the generated form. Reading a post only turns
/// text into the JSON shapes the field handlers accept; validating is the content core's job.
/// </summary>
public static class FieldForms
{
    public static FormInputs ToInputs(ContentTypeDefinition type, ContentVersion version)
    {
        var inputs = new FormInputs();
        inputs["title"] = version.Title;
        inputs["slug"] = version.Slug ?? "";
        foreach (var field in type.AllFields)
        {
            if (version.Fields[field.Name] is { } value)
            {
                Write(inputs, field, value);
            }
        }

        return inputs;
    }

    public static FormInputs ToInputs(ContentTypeDefinition type, JsonObject fields, string title, string? slug)
    {
        var inputs = new FormInputs();
        inputs["title"] = title;
        inputs["slug"] = slug ?? "";
        foreach (var field in type.AllFields)
        {
            if (fields[field.Name] is { } value)
            {
                Write(inputs, field, value);
            }
        }

        return inputs;
    }

    private static void Write(FormInputs inputs, FieldDefinition field, JsonNode value)
    {
        var name = FormInputs.Name(field.Name);
        switch (field.Kind)
        {
            case FieldKind.Markdown:
                inputs[name] = (value is JsonObject md ? md["markdown"] : value)?.GetValue<string>() ?? "";
                break;
            case FieldKind.Html:
                inputs[name] = (value is JsonObject html ? html["html"] : value)?.GetValue<string>() ?? "";
                break;
            case FieldKind.Number:
                inputs[name] = value.GetValue<double>().ToString("0.##########", CultureInfo.InvariantCulture);
                break;
            case FieldKind.Boolean:
                inputs[name] = value.GetValue<bool>() ? "true" : "";
                break;
            case FieldKind.DateTime:
                inputs[name] = AdminFormat.BerlinInput(DateTimeFieldHandler.Parse(value.GetValue<string>()));
                break;
            case FieldKind.Link:
                inputs[FormInputs.Name(field.Name, "url")] = value["url"]?.GetValue<string>() ?? "";
                inputs[FormInputs.Name(field.Name, "text")] = value["text"]?.GetValue<string>() ?? "";
                break;
            case FieldKind.GeoPoint:
                inputs[FormInputs.Name(field.Name, "lat")] = value["lat"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture);
                inputs[FormInputs.Name(field.Name, "lon")] = value["lon"]!.GetValue<double>().ToString(CultureInfo.InvariantCulture);
                break;
            case FieldKind.Media:
                var index = 0;
                foreach (var media in value is JsonArray list ? list.OfType<JsonObject>() : [value.AsObject()])
                {
                    inputs[FormInputs.Name(field.Name, $"{index}", "mediaId")] = media["mediaId"]?.GetValue<string>() ?? "";
                    inputs[FormInputs.Name(field.Name, $"{index}", "alt")] = media["alt"]?.GetValue<string>() ?? "";
                    inputs[FormInputs.Name(field.Name, $"{index}", "decorative")] = media["decorative"]?.GetValue<bool>() == true ? "true" : "";
                    inputs[FormInputs.Name(field.Name, $"{index}", "caption")] = media["caption"]?.GetValue<string>() ?? "";
                    index++;
                }

                break;
            case FieldKind.Enumeration or FieldKind.ContentPicker or FieldKind.Taxonomy:
                inputs.Set(name, value is JsonArray items ? items.Select(i => i!.GetValue<string>()) : [value.GetValue<string>()]);
                break;
            default:
                inputs[name] = value.GetValue<string>();
                break;
        }
    }

    /// <summary>How many media rows a field has in the form (stored or posted), not counting the empty one offered for adding.</summary>
    public static int MediaCount(FormInputs inputs, FieldDefinition field)
    {
        var count = 0;
        while (inputs.Has(FormInputs.Name(field.Name, $"{count}", "mediaId")))
        {
            count++;
        }

        return count;
    }

    /// <summary>The posted form as content input; problems the core cannot see (a number that is no number) come back as errors.</summary>
    public static (ContentInput Input, List<FieldError> Errors) Read(ContentTypeDefinition type, FormInputs inputs)
    {
        var errors = new List<FieldError>();
        var fields = new JsonObject();
        foreach (var field in type.AllFields)
        {
            if (Read(field, inputs, errors) is { } value)
            {
                fields[field.Name] = value;
            }
        }

        var slug = inputs["slug"].Trim();
        return (new ContentInput { Title = inputs["title"], Slug = slug.Length == 0 ? null : slug, Fields = fields }, errors);
    }

    private static JsonNode? Read(FieldDefinition field, FormInputs inputs, List<FieldError> errors)
    {
        var name = FormInputs.Name(field.Name);
        var text = inputs[name];
        switch (field.Kind)
        {
            case FieldKind.Number:
                if (text.Trim().Length == 0)
                {
                    return null;
                }

                if (TryNumber(text, out var number))
                {
                    return JsonValue.Create(number);
                }

                errors.Add(new FieldError(FormInputs.Id(name), field.DisplayName, $"„{text.Trim()}“ ist keine Zahl."));
                return null;
            case FieldKind.Boolean:
                return JsonValue.Create(text == "true");
            case FieldKind.Link:
                var url = inputs[FormInputs.Name(field.Name, "url")].Trim();
                return url.Length == 0 ? null : new JsonObject { ["url"] = url, ["text"] = inputs[FormInputs.Name(field.Name, "text")].Trim() };
            case FieldKind.GeoPoint:
                return ReadGeoPoint(field, inputs, errors);
            case FieldKind.Media:
                return ReadMedia(field, inputs);
            case FieldKind.Enumeration:
                var chosen = inputs.All(name);
                return chosen.Count == 0 ? null : field.Settings.Multiple ? new JsonArray([.. chosen.Select(v => JsonValue.Create(v))]) : JsonValue.Create(chosen[0]);
            case FieldKind.ContentPicker or FieldKind.Taxonomy:
                var ids = inputs.All(name);
                return ids.Count == 0 ? null : new JsonArray([.. ids.Select(v => JsonValue.Create(v))]);
            default:
                // Text, Markdown, Html, Date and DateTime (the Berlin wall-clock time; the handler turns it into UTC).
                return text.Trim().Length == 0 ? null : JsonValue.Create(text);
        }
    }

    private static JsonObject? ReadGeoPoint(FieldDefinition field, FormInputs inputs, List<FieldError> errors)
    {
        var latName = FormInputs.Name(field.Name, "lat");
        var lat = inputs[latName].Trim();
        var lon = inputs[FormInputs.Name(field.Name, "lon")].Trim();
        if (lat.Length == 0 && lon.Length == 0)
        {
            return null;
        }

        if (TryNumber(lat, out var latitude) && TryNumber(lon, out var longitude))
        {
            return new JsonObject { ["lat"] = latitude, ["lon"] = longitude };
        }

        errors.Add(new FieldError(FormInputs.Id(latName), field.DisplayName, "Geben Sie Breite und Länge als Zahlen an, z. B. 54.0887 und 12.1405."));
        return null;
    }

    private static JsonNode? ReadMedia(FieldDefinition field, FormInputs inputs)
    {
        var items = new JsonArray();
        for (var i = 0; inputs.Has(FormInputs.Name(field.Name, $"{i}", "mediaId")); i++)
        {
            var id = inputs[FormInputs.Name(field.Name, $"{i}", "mediaId")].Trim();
            if (id.Length == 0)
            {
                continue; // the empty row offered for adding
            }

            items.Add(new JsonObject
            {
                ["mediaId"] = id,
                ["alt"] = inputs[FormInputs.Name(field.Name, $"{i}", "alt")],
                ["decorative"] = inputs[FormInputs.Name(field.Name, $"{i}", "decorative")] == "true",
                ["caption"] = inputs[FormInputs.Name(field.Name, $"{i}", "caption")],
            });
        }

        return items.Count == 0 ? null : field.Settings.Multiple ? items : items[0]!.DeepClone();
    }

    /// <summary>Editors in Rostock type "3,5"; browsers and pasted values give "3.5". Both mean the same here.</summary>
    private static bool TryNumber(string text, out double number) =>
        double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);
}
