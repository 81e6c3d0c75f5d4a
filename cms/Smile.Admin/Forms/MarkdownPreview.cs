using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Rendering;

namespace Smile.Admin.Forms;

/// <summary>
/// The live preview of a Markdown field: rendered and sanitized by the same renderer that stores it, so the
/// editor sees what readers will. Posted like any admin form, with the anti-forgery token.
/// </summary>
public static class MarkdownPreview
{
    /// <summary>Longer texts are refused: a preview is for what one person types.</summary>
    public const int MaxLength = 200_000;

    public static async Task<IResult> RenderAsync(HttpContext context)
    {
        if (!await AdminForms.IsValidAsync(context))
        {
            return Results.BadRequest("Das Formular ist abgelaufen. Laden Sie die Seite neu.");
        }

        var markdown = context.Request.Form["markdown"].ToString();
        if (markdown.Length > MaxLength)
        {
            return Results.BadRequest($"Der Text ist für die Vorschau zu lang (höchstens {MaxLength} Zeichen).");
        }

        var renderer = context.RequestServices.GetRequiredService<MarkupRenderer>();
        return Results.Content(renderer.RenderMarkdown(markdown), "text/html; charset=utf-8");
    }
}
