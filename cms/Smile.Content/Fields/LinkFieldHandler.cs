using System.Text.Json.Nodes;
using Smile.Content.Definitions;

namespace Smile.Content.Fields;

/// <summary>Stored as <c>{ "url": ..., "text": ... }</c>. Only http(s), mailto and site paths: no <c>javascript:</c>.</summary>
public sealed class LinkFieldHandler : FieldHandler
{
    public override FieldKind Kind => FieldKind.Link;

    public override JsonNode? Normalize(JsonNode input, FieldContext context)
    {
        string url;
        string? text = null;
        if (input is JsonObject obj)
        {
            if (obj["url"] is not { } urlNode || !TryGetString(urlNode, out url))
            {
                context.Error("Ein Link braucht eine Adresse (url).");
                return null;
            }

            if (obj["text"] is { } textNode && TryGetString(textNode, out var t) && t.Trim().Length > 0)
            {
                text = t.Trim();
            }
        }
        else if (!TryGetString(input, out url))
        {
            context.Error($"Erwartet wird ein Link, nicht {Describe(input)}.");
            return null;
        }

        url = url.Trim();
        if (url.Length == 0)
        {
            return null;
        }

        if (!IsAllowed(url))
        {
            context.Error($"'{url}' ist keine gültige Adresse: erlaubt sind https://, http://, mailto: und Pfade, die mit / beginnen.");
            return null;
        }

        var stored = new JsonObject { ["url"] = url };
        if (text is not null)
        {
            stored["text"] = text;
        }

        return stored;
    }

    private static bool IsAllowed(string url)
    {
        // Browsers read "/\\host" and "/<tab>/host" like "//host": a site path allows none of that.
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return !url.StartsWith("//", StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);
    }
}
