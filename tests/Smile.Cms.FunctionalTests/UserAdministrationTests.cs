using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smile.Content.Editing;
using Smile.Content.Items;
using Smile.Content.Security;
using Smile.Content.Validation;
using Smile.Storage;
using Smile.Storage.Identity;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

/// <summary>Administrators manage accounts and roles; every change is audited, and an erasure leaves only a pseudonym.</summary>
public sealed class UserAdministrationTests(TestDatabases databases)
{
    private const string AdminEmail = "admin@smile-city-rostock.de";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_account_signs_in_with_its_one_time_password_and_holds_its_roles(string provider)
    {
        await using var cms = await StartAsync(provider);
        var admin = await AdministratorAsync(cms);

        var created = await RunAsync(cms, a => a.CreateUserAsync(admin, "k.schulz@rostock.de", "Karin Schulz", [Roles.Editor]));

        await using var scope = cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var user = await users.FindByIdAsync(created.Id);
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, created.OneTimePassword));
        Assert.Equal([Roles.Editor], await users.GetRolesAsync(user));
        var audit = await scope.ServiceProvider.GetRequiredService<SmileDbContext>().Audit.SingleAsync(a => a.Action == "user-created");
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.DoesNotContain("k.schulz", audit.Note, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Only_administrators_manage_accounts(string provider)
    {
        await using var cms = await StartAsync(provider);
        var editor = new Actor("someone", Roles.Defaults[Roles.Editor]);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => RunAsync(cms, a => a.CreateUserAsync(editor, "x@rostock.de", "X", [Roles.Administrator])));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_input_is_refused_with_a_message_that_names_it(string provider)
    {
        await using var cms = await StartAsync(provider);
        var admin = await AdministratorAsync(cms);

        var invalid = await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.CreateUserAsync(admin, "keine-adresse", "X", [])));
        var taken = await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.CreateUserAsync(admin, AdminEmail, "X", [])));
        var role = await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.CreateUserAsync(admin, "neu@rostock.de", "X", ["Chefredaktion"])));

        Assert.Contains("keine gültige E-Mail-Adresse", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("schon ein Konto", taken.Message, StringComparison.Ordinal);
        Assert.Contains("„Chefredaktion“", role.Message, StringComparison.Ordinal);
        Assert.Single(await RunAsync(cms, a => a.ListUsersAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_last_administrator_can_neither_lose_the_role_nor_be_erased(string provider)
    {
        await using var cms = await StartAsync(provider);
        var admin = await AdministratorAsync(cms);
        var other = await RunAsync(cms, a => a.CreateUserAsync(admin, "zweite@rostock.de", "Zweite", [Roles.Editor]));
        var otherAdmin = new Actor(other.Id, Roles.Defaults[Roles.Administrator]);

        await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.SetRolesAsync(otherAdmin, admin.Id, [Roles.Editor])));
        await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.EraseUserAsync(otherAdmin, admin.Id)));
        await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.EraseUserAsync(admin, admin.Id)));

        await RunAsync(cms, a => a.SetRolesAsync(admin, other.Id, [Roles.Administrator]));
        await RunAsync(cms, a => a.SetRolesAsync(otherAdmin, admin.Id, [Roles.Editor]));
        var users = await RunAsync(cms, a => a.ListUsersAsync());
        Assert.Equal([Roles.Editor], users.Single(u => u.Id == admin.Id).Roles);
        Assert.Equal([Roles.Administrator], users.Single(u => u.Id == other.Id).Roles);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_locked_account_cannot_sign_in_until_it_is_unlocked(string provider)
    {
        await using var cms = await StartAsync(provider);
        var admin = await AdministratorAsync(cms);
        var created = await RunAsync(cms, a => a.CreateUserAsync(admin, "gesperrt@rostock.de", "Gesperrt", [Roles.Author]));

        await RunAsync(cms, a => a.SetLockedAsync(admin, created.Id, locked: true));
        var whileLocked = await SignInAsync(cms, "gesperrt@rostock.de", created.OneTimePassword);
        await RunAsync(cms, a => a.SetLockedAsync(admin, created.Id, locked: false));
        var afterwards = await SignInAsync(cms, "gesperrt@rostock.de", created.OneTimePassword);

        Assert.True(whileLocked.IsLockedOut);
        Assert.True(afterwards.Succeeded);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Erasing_an_account_removes_its_personal_data_and_leaves_a_pseudonym_in_the_history(string provider)
    {
        await using var cms = await StartAsync(provider);
        var admin = await AdministratorAsync(cms);
        var created = await RunAsync(cms, a => a.CreateUserAsync(admin, "erika.musterfrau@rostock.de", "Erika Musterfrau", [Roles.Author]));
        var erika = new Actor(created.Id, Roles.Defaults[Roles.Author]);
        var article = await cms.Services.GetRequiredService<ContentService>().RunAsync(erika, e =>
            e.CreateAsync("NewsArticle", "de", new ContentInput { Title = "Neues vom Stadthafen", Fields = new JsonObject { ["teaser"] = "Kurz notiert." } }));

        var pseudonym = await RunAsync(cms, a => a.EraseUserAsync(admin, created.Id));

        await using var scope = cms.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SmileDbContext>();
        Assert.False(await db.Users.AnyAsync(u => u.Id == created.Id));
        Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == created.Id));
        var audit = await db.Audit.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(audit, a => $"{a.Note} {a.ActorId}".Contains("Musterfrau", StringComparison.OrdinalIgnoreCase) || $"{a.Note}".Contains("erika", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(audit, a => a.ActorId == created.Id && a.ItemId == article.ItemId);
        Assert.Contains(audit, a => a.Action == "user-erased" && a.ActorId == admin.Id);
        Assert.Equal(created.Id, (await db.Items.SingleAsync(i => i.Id == article.ItemId)).OwnerId);
        var names = await RunAsync(cms, a => a.DisplayNamesAsync([created.Id, admin.Id]));
        Assert.Equal(pseudonym, names[created.Id]);
        Assert.StartsWith("Gelöschtes Konto ", pseudonym, StringComparison.Ordinal);
        Assert.Equal("Administrator", names[admin.Id]);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Changing_a_roles_permissions_reaches_its_members_at_their_next_validation(string provider)
    {
        await using var cms = await StartAsync(provider);
        var admin = await AdministratorAsync(cms);
        var created = await RunAsync(cms, a => a.CreateUserAsync(admin, "beitrag@rostock.de", "Beitrag", [Roles.Contributor]));
        var stampBefore = await StampAsync(cms, created.Id);

        await RunAsync(cms, a => a.SaveRoleAsync(admin, Roles.Contributor, new HashSet<Permission> { Permission.ViewContent, Permission.EditOwnContent, Permission.ManageMedia }));
        var refused = await Assert.ThrowsAsync<ContentValidationException>(() => RunAsync(cms, a => a.SaveRoleAsync(admin, Roles.Administrator, new HashSet<Permission>())));

        var contributor = (await RunAsync(cms, a => a.ListRolesAsync())).Single(r => r.Name == Roles.Contributor);
        Assert.Equal([Permission.ViewContent, Permission.EditOwnContent, Permission.ManageMedia], contributor.Permissions.Order());
        Assert.Equal(1, contributor.UserCount);
        Assert.NotEqual(stampBefore, await StampAsync(cms, created.Id));
        Assert.Contains("Administrator", refused.Message, StringComparison.Ordinal);
    }

    private async Task<RunningCms> StartAsync(string provider) =>
        await RunningCms.StartAsync(databases, provider, new Dictionary<string, string?>
        {
            ["Smile:Admin:Email"] = AdminEmail,
            ["Smile:Admin:Password"] = "Warnemünde-Strand-2026!",
        });

    private static async Task<Actor> AdministratorAsync(RunningCms cms)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>().FindByEmailAsync(AdminEmail);
        return new Actor(user!.Id, Roles.Defaults[Roles.Administrator]);
    }

    private static async Task<T> RunAsync<T>(RunningCms cms, Func<UserAdministration, Task<T>> work)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private static async Task RunAsync(RunningCms cms, Func<UserAdministration, Task> work)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }

    private static async Task<string?> StampAsync(RunningCms cms, string userId)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SmileDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId)).SecurityStamp;
    }

    private static async Task<Microsoft.AspNetCore.Identity.SignInResult> SignInAsync(RunningCms cms, string email, string password)
    {
        await using var scope = cms.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<SmileUser>>();
        return await signIn.CheckPasswordSignInAsync((await users.FindByEmailAsync(email))!, password, lockoutOnFailure: true);
    }
}
