using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Smile.Storage.Identity;

namespace Smile.Admin.Pages;

/// <summary>Signing out is a POST with the anti-forgery token: a link on another site cannot sign an editor out.</summary>
public sealed class LogoutModel(SignInManager<SmileUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/admin/login");
    }
}
