using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Smile.Admin.Forms;

/// <summary>Anti-forgery for the admin's endpoints outside Razor Pages (which check it themselves).</summary>
public static class AdminForms
{
    public static async Task<bool> IsValidAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return false;
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
