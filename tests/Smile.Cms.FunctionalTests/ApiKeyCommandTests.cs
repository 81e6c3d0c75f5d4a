using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Smile.Cms;
using Smile.Cms.Commands;
using Smile.Content.Security;
using Smile.Storage.ApiKeys;
using Smile.Testing;

namespace Smile.Cms.FunctionalTests;

[Collection(ConsoleCollection.Name)]
public sealed class ApiKeyCommandTests
{
    [Fact]
    public async Task The_apikey_command_creates_a_key_whose_secret_is_printed_once_and_works()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "smile-cli-" + Guid.NewGuid().ToString("N")[..12]);
        var builder = WebApplication.CreateBuilder([$"--Smile:DataPath={dataPath}", "--Smile:SeedRecipe="]);
        builder.AddSmileCms();
        await using var app = builder.Build();
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        int exit;
        try
        {
            exit = await ApiKeyCommand.RunAsync(app, ["create", "Baustellen-Import", "EditOwnContent"]);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, exit);
        var secret = output.ToString().Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("smile_", StringComparison.Ordinal));
        var actor = await app.Services.GetRequiredService<ApiKeyService>().AuthenticateAsync(secret);
        Assert.NotNull(actor);
        Assert.True(actor.Has(Permission.EditOwnContent));
        Assert.False(actor.Has(Permission.PreviewDrafts));
        Assert.Equal(2, await ApiKeyCommand.RunAsync(app, ["create", "Kaputt", "FlyToTheMoon"]));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console output";
}
