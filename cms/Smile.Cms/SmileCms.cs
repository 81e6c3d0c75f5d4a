using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Smile.Admin;
using Smile.Api.GraphQL;
using Smile.Api.GraphQL.Transport;
using Smile.Cms.Configuration;
using Smile.Cms.DraftPreview;
using Smile.Cms.Endpoints;
using Smile.Cms.Health;
using Smile.Cms.Media;
using Smile.Cms.Publishing;
using Smile.Cms.Security;
using Smile.Cms.Site;
using Smile.Cms.Startup;
using Smile.Cms.Telemetry;
using Smile.Ingestion;
using Smile.Ingestion.Calendar;
using Smile.Ingestion.Http;
using Smile.Ingestion.Mqtt;
using Smile.Media;
using Smile.Operations;
using Smile.Recipes;
using Smile.Search;
using Smile.Storage;
using Smile.Storage.Identity;
using Smile.Storage.Outbox;
using Smile.Storage.Postgres;
using Smile.Storage.Sqlite;
using Smile.Webhooks;

namespace Smile.Cms;

/// <summary>The one place the host composes its capabilities.</summary>
public static class SmileCms
{
    public const string TelemetryName = "Smile";

    public static WebApplicationBuilder AddSmileCms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmileOptions>().BindConfiguration(SmileOptions.Section);
        var options = builder.Configuration.GetSection(SmileOptions.Section).Get<SmileOptions>() ?? new SmileOptions();
        AddDatabase(builder, options);

        services.AddSmileMedia(Path.GetFullPath(options.DataPath, builder.Environment.ContentRootPath));
        services.AddSingleton<MediaAccess>();
        services.AddSmileOperations();
        services.AddSingleton<RecipeImporter>();
        services.AddSingleton<RecipeExporter>();
        services.AddSingleton<StartupState>();
        services.AddSingleton<AdministratorBootstrap>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddSingleton<ScheduledPublishingMetrics>();
        services.AddHostedService<ScheduledPublishingService>();
        // After the database initializer: the indexer starts on a migrated, seeded database.
        services.AddSmileSearch(Path.GetFullPath(options.DataPath, builder.Environment.ContentRootPath));
        services.AddSmileWebhooks(builder.Configuration.GetSection(WebhookOptions.Section + ":Receivers").GetChildren().Any());
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        services.AddIdentity<SmileUser, SmileRole>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                identity.Password.RequiredLength = 12;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<SmileDbContext>()
            .AddDefaultTokenProviders();
        services.AddScoped<UserAdministration>();
        // A lock, an erasure or new roles reach signed-in sessions within a minute, not the default half hour.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "smile.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/admin/login";
            cookie.LogoutPath = "/admin/logout";
            cookie.AccessDeniedPath = "/admin/denied";
        });
        // The key ring lives in the database: cookies and signed links survive restarts and work on every node.
        services.AddDataProtection().SetApplicationName("Smile").PersistKeysToDbContext<SmileDbContext>();

        services.AddSmileGraphQL(Path.Combine(AppContext.BaseDirectory, "api-schema"));
        services.AddSingleton<ICallerResolver, CallerResolver>();
        services.AddSmileSitePreview(builder.Configuration);
        services.AddSmileDraftPreview();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<OutboxLagHealthCheck>("outbox-lag", tags: ["ready"]);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.Proxy.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Smile:Proxy:KnownProxies has '{proxy}', which is not an IP address."));
            }

            foreach (var network in options.Proxy.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Smile:Proxy:KnownNetworks has '{network}', which is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
            }
        });
        AddTelemetry(builder, options);
        services.AddSmileIngestion();
        services.AddSmileAdmin();
        services.AddSmileMqttIngestion(builder.Configuration.GetValue<bool>("Smile:Ingestion:Mqtt:Enabled"));
        services.AddSmileCalendarIngestion(builder.Configuration.GetValue<bool>("Smile:Ingestion:Calendar:Enabled"));
        return builder;
    }

    public static WebApplication UseSmileCms(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.MapSmileAdmin();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthResponseWriter.WriteAsync });
        // Observable gauges exist once their owner does: the outbox's are read from the database at collection time.
        app.Services.GetRequiredService<OutboxMetrics>();
        app.MapPrometheus(app.Services.GetRequiredService<IOptions<SmileOptions>>().Value.Telemetry.Prometheus);
        app.MapOverview();
        app.MapSmileGraphQL();
        app.MapSensorDataApi();
        app.MapDraftPreview();
        app.MapMediaFiles();
        app.MapMediaLibrary();
        app.UseSmileSitePreview();
        return app;
    }

    private static void AddDatabase(WebApplicationBuilder builder, SmileOptions options)
    {
        var dataPath = Path.GetFullPath(options.DataPath, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(dataPath);
        var connectionString = builder.Configuration.GetConnectionString("Smile");
        switch (options.Database.Provider)
        {
            case DatabaseProvider.Postgres when string.IsNullOrWhiteSpace(connectionString):
                throw new InvalidOperationException("Smile:Database:Provider is Postgres, but ConnectionStrings:Smile (environment: ConnectionStrings__Smile) is empty.");
            case DatabaseProvider.Postgres:
                builder.Services.AddSmilePostgres(connectionString!);
                break;
            default:
                builder.Services.AddSmileSqlite(string.IsNullOrWhiteSpace(connectionString) ? SqliteStorage.ConnectionStringFor(dataPath) : connectionString, dataPath);
                break;
        }

        builder.Services.AddSingleton(sp => new Smile.Storage.Content.ContentStateCache(sp.GetRequiredService<TimeProvider>()) { MaxAge = options.Database.StateMaxAge });
    }

    private static void AddTelemetry(WebApplicationBuilder builder, SmileOptions options)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                // Every module's meter is named Smile.<Module> (Smile.GraphQL, Smile.Outbox, ...).
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddMeter(TelemetryName, TelemetryName + ".*");
                if (options.Telemetry.Prometheus.Enabled)
                {
                    // Scrapes come every 15 s or so: collect afresh each time, so a scrape shows the lag as it is now.
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            })
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(TelemetryName));
        if (!string.IsNullOrWhiteSpace(options.Telemetry.OtlpEndpoint))
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(options.Telemetry.OtlpEndpoint));
        }
    }
}
