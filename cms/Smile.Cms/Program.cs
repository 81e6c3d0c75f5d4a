using Smile.Cms;

var builder = WebApplication.CreateBuilder(args);
builder.AddSmileCms();

var app = builder.Build();
app.UseSmileCms();
await app.RunAsync();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
