using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Smile.Admin.Forms;
using Smile.Admin.Security;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages;

/// <summary>
/// Sign-in with lockout after five wrong passwords and a limit on failures per address. The message for a wrong
/// e-mail address and a wrong password is the same, so the page does not tell which accounts exist.
/// </summary>
public sealed class LoginModel(SignInManager<SmileUser> signIn, SignInThrottle throttle, IStringLocalizer<LoginModel> text) : PageModel
{
    [BindProperty]
    [Display(Name = "E-Mail-Adresse")]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnPostAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!throttle.MayTry(address))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Errors = [new FieldError(null, "", text["Zu viele fehlgeschlagene Anmeldungen von Ihrem Netzwerk. Bitte warten Sie einige Minuten."])];
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Errors =
            [
                .. string.IsNullOrWhiteSpace(Email) ? [new FieldError("email", text["E-Mail-Adresse"], text["Bitte geben Sie Ihre E-Mail-Adresse ein."])] : Array.Empty<FieldError>(),
                .. string.IsNullOrEmpty(Password) ? [new FieldError("password", text["Passwort"], text["Bitte geben Sie Ihr Passwort ein."])] : Array.Empty<FieldError>(),
            ];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl));
        }

        throttle.RecordFailure(address);
        Errors = result.IsLockedOut
            ? [new FieldError(null, "", text["Dieses Konto ist nach zu vielen Fehlversuchen vorübergehend gesperrt. Versuchen Sie es in 15 Minuten erneut oder wenden Sie sich an die Administration."])]
            : [new FieldError("email", text["E-Mail-Adresse"], text["E-Mail-Adresse oder Passwort ist nicht richtig."])];
        Password = "";
        return Page();
    }

    /// <summary>Only back into the admin: a sign-in link must not forward anyone to another site.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith(AdminSetup.BasePath, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : AdminSetup.BasePath;
}
