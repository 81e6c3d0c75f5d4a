using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smile.Cms.Startup;
using Smile.Content.Security;
using Smile.Storage.Identity;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

/// <summary>There is no default password: the first administrator comes from configuration or a one-time password.</summary>
public sealed class AdministratorTests(TestDatabases databases)
{
    private const string Email = "redaktion@smile-city-rostock.de";
    private const string Password = "Hafen-Sport-2025!";
    private static readonly string BootstrapCategory = typeof(AdministratorBootstrap).FullName!;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task The_first_administrator_is_created_from_configuration(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider, new Dictionary<string, string?>
        {
            ["Smile:Admin:Email"] = Email,
            ["Smile:Admin:Password"] = Password,
        });
        using var factory = installation.Start();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();

        var admin = await users.FindByEmailAsync(Email);

        Assert.NotNull(admin);
        Assert.Equal(Email, admin.UserName);
        Assert.True(admin.EmailConfirmed);
        Assert.True(await users.CheckPasswordAsync(admin, Password));
        Assert.False(await users.CheckPasswordAsync(admin, Password + "x"));
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync(admin));
        Assert.Equal(1, users.Users.Count());
        Assert.DoesNotContain(factory.Logs.Records, r => r.Message.Contains(Password, StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Records, r => r.Category == BootstrapCategory && r.Level == LogLevel.Information
            && r.Message == $"First start: administrator {Email} created with the configured password");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Without_a_configured_password_a_one_time_password_is_logged_once_and_works(string provider)
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, provider);
        string password;
        using (var factory = installation.Start())
        {
            var entry = Assert.Single(factory.Logs.Records, r => r.Message.Contains("one-time password", StringComparison.Ordinal));
            Assert.Equal(BootstrapCategory, entry.Category);
            Assert.Equal(LogLevel.Warning, entry.Level);
            Assert.StartsWith("First start: administrator admin@smile.local created with the one-time password ", entry.Message, StringComparison.Ordinal);
            password = Assert.IsType<string>(entry.Values["Password"]);
            Assert.True(password.Length >= 24, password);
            Assert.Single(factory.Logs.Records, r => r.Message.Contains(password, StringComparison.Ordinal));

            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
            var admin = await users.FindByEmailAsync("admin@smile.local");
            Assert.NotNull(admin);
            Assert.True(await users.CheckPasswordAsync(admin, password));
            Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        }

        using var restarted = installation.Start();
        Assert.DoesNotContain(restarted.Logs.Records, r => r.Message.Contains("one-time password", StringComparison.Ordinal));
        Assert.DoesNotContain(restarted.Logs.Records, r => r.Message.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(restarted.Logs.Records, r => r.Message.StartsWith("First start", StringComparison.Ordinal));
        await using var restartedScope = restarted.Services.CreateAsyncScope();
        var restartedUsers = restartedScope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        Assert.Equal(["admin@smile.local"], restartedUsers.Users.Select(u => u.Email).ToList());
        Assert.True(await restartedUsers.CheckPasswordAsync((await restartedUsers.FindByEmailAsync("admin@smile.local"))!, password));
    }

    [Fact]
    public async Task A_too_weak_configured_password_stops_start_up_naming_the_setting()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Smile:Admin:Email"] = Email,
            ["Smile:Admin:Password"] = "rostock",
        });

        var error = Assert.ThrowsAny<Exception>(() => installation.Start());

        var message = string.Join(" | ", Messages(error));
        Assert.Contains("Smile:Admin:Password", message, StringComparison.Ordinal);
        Assert.Contains("could not be created", message, StringComparison.Ordinal);
        Assert.DoesNotContain("rostock", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_refused_password_a_start_with_a_strong_one_creates_the_administrator_on_the_seeded_data()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Smile:Admin:Email"] = Email,
            ["Smile:Admin:Password"] = "rostock",
        });
        Assert.ThrowsAny<Exception>(() => installation.Start());

        using var factory = installation.Start(new Dictionary<string, string?> { ["Smile:Admin:Password"] = Password });
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();
        var reader = scope.ServiceProvider.GetRequiredService<Content.Querying.IContentReader>();

        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(Email))!, Password));
        Assert.Equal(1, users.Users.Count());
        Assert.Equal(78, (await reader.QueryAsync(new() { Culture = null, Status = Content.Items.VersionStatus.Latest, Take = 0 })).TotalCount);
        Assert.DoesNotContain(factory.Logs.Records, r => r.Message.StartsWith("Empty database seeded", StringComparison.Ordinal));
        using var client = factory.CreateClient();
        Assert.Equal("Healthy", await HealthAnswer.StatusAsync(client));
    }

    [Fact]
    public async Task A_restart_with_another_configured_administrator_creates_no_second_user()
    {
        await using var installation = await CmsInstallation.CreateAsync(databases, TestDatabases.Sqlite, new Dictionary<string, string?>
        {
            ["Smile:Admin:Email"] = Email,
            ["Smile:Admin:Password"] = Password,
        });
        using (installation.Start())
        {
        }

        using var restarted = installation.Start(new Dictionary<string, string?>
        {
            ["Smile:Admin:Email"] = "zweite@smile-city-rostock.de",
            ["Smile:Admin:Password"] = "Noch-ein-Passwort-42",
        });
        await using var scope = restarted.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SmileUser>>();

        Assert.Equal([Email], users.Users.Select(u => u.Email).ToList());
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync(Email))!, Password));
    }

    private static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }

                yield break;
            }

            yield return error.Message;
        }
    }
}
