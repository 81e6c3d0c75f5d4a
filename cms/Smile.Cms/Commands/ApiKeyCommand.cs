using Smile.Cms.Startup;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;

namespace Smile.Cms.Commands;

/// <summary>
/// <c>dotnet run --project cms/Smile.Cms -- apikey create|list|revoke</c>: machine credentials for build
/// servers, ingestion and previews, until the admin UI manages them.
/// </summary>
public static class ApiKeyCommand
{
    public const string Name = "apikey";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // The same start-up work as the server (migrations, seed), without listening.
        foreach (var initializer in app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await initializer.StartAsync(CancellationToken.None);
        }

        var keys = app.Services.GetRequiredService<ApiKeyService>();
        switch (args)
        {
            case ["create", var name, .. var permissionNames] when permissionNames.Length > 0:
                var permissions = new HashSet<Permission>();
                foreach (var permissionName in permissionNames)
                {
                    if (!Enum.TryParse<Permission>(permissionName, ignoreCase: true, out var permission) || !Enum.IsDefined(permission))
                    {
                        await Console.Error.WriteLineAsync($"Unknown permission '{permissionName}'. Known: {string.Join(", ", Enum.GetNames<Permission>())}");
                        return 2;
                    }

                    permissions.Add(permission);
                }

                var created = await keys.CreateAsync(name, permissions, "cli");
                Console.WriteLine($"API key {created.Id} \"{name}\" created with {string.Join(", ", permissions.Order())}.");
                Console.WriteLine("Secret (shown only now; send it as 'Authorization: Bearer <secret>'):");
                Console.WriteLine(created.Secret);
                return 0;
            case ["list"]:
                foreach (var key in await keys.ListAsync())
                {
                    var state = key.RevokedAt is { } revoked ? $"revoked {revoked:u}" : "active";
                    Console.WriteLine($"{key.Id}  {key.Name}  [{string.Join(", ", key.Permissions.Order())}]  {state}");
                }

                return 0;
            case ["revoke", var id]:
                var done = await keys.RevokeAsync(id);
                Console.WriteLine(done ? $"API key {id} revoked." : $"No active API key {id}.");
                return done ? 0 : 1;
            default:
                await Console.Error.WriteLineAsync("Usage: apikey create <name> <permission>... | apikey list | apikey revoke <id>");
                return 2;
        }
    }
}
