using System.Globalization;
using Kinerja.Data;
using Kinerja.Web;
using Kinerja.Web.Api;
using Kinerja.Web.Hosting;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

// issue 23: operator commands (impor-massal, rekap-nasional) run with the server's configuration instead of the server
var scaleCommand = ScaleCommands.Take(ref args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppHosting.ContentRoot(args) });
var config = builder.Configuration;
// http://localhost:5080 only when nothing else says where to listen (ASPNETCORE_URLS, --urls, Urls, Kestrel endpoints)
if (AppHosting.DefaultUrls(config) is { } urls)
    builder.WebHost.UseUrls(urls);

// where the database (SQLite), bukti dukung and pending imports live: outside wwwroot
var dataDirectory = config["Kinerja:DataDirectory"] is { Length: > 0 } d ? d : Path.Combine(builder.Environment.ContentRootPath, "App_Data");
var paths = new StoragePaths(dataDirectory);
var provider = DatabaseSetup.ParseProvider(config["Kinerja:Database"]);
var connection = config.GetConnectionString("Kinerja") is { Length: > 0 } c ? c
    : provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(paths.DataDirectory, "kinerja.db")}"
    : throw new InvalidOperationException("ConnectionStrings:Kinerja harus diisi untuk PostgreSQL");

builder.Services.AddSingleton(paths);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DatasetCache>();
builder.Services.AddSingleton<ReadCache>();
builder.Services.AddSingleton<DocumentBuilds>();
builder.Services.AddKinerjaDatabase(provider, connection);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ScopeProvider>();
builder.Services.AddScoped<IAuthorizationHandler, AgencyAuthorizationHandler>();
builder.Services.AddScoped<RealisasiService>();
builder.Services.AddScoped<PkService>();
builder.Services.AddScoped<PlanEditor>();
builder.Services.AddScoped<RecordWriter>();
builder.Services.AddScoped<PeriodLock>();
builder.Services.AddScoped<PeriodLockAdmin>();
builder.Services.AddScoped<RencanaAksiService>();
builder.Services.AddScoped<CountsService>();
builder.Services.AddScoped<PrintedFigureService>();
builder.Services.AddScoped<ImportService>();
builder.Services.AddScoped<EvidenceStore>();
builder.Services.AddScoped<Seeder>();
builder.Services.AddScoped<EvaluationService>();
builder.Services.AddScoped<EvaluationPrefill>();
builder.Services.AddScoped<Publications>();
builder.Services.AddKinerjaRateLimits();
builder.Services.AddExceptionHandler<KinerjaExceptionHandler>();
builder.Services.AddScoped<CycleService>();
builder.Services.AddKinerjaReminders(config);
// issue 23: reads from the replica (ConnectionStrings:KinerjaRead) with read-your-writes; the national roll-up and its cache
builder.Services.AddSingleton(new ReadDatabase(provider, provider == DatabaseProvider.Postgres ? DatabaseSetup.WithPostgresDefaults(connection) : connection, config.GetConnectionString("KinerjaRead")));
builder.Services.AddScoped<ReadRouting>();
builder.Services.AddSingleton<NationalRollup>();
// several app servers on one database: keys in the database, proxies, health, shutdown, file store, logs and traces (issue 23)
builder.AddKinerjaScaleOut(provider, connection, paths.DataDirectory);

builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        // counts wrong authenticator codes only: a wrong password never locks (SignInThrottle slows the address instead)
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<KinerjaDbContext>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<IndonesianIdentityErrors>()
    .AddPasswordValidator<PasswordPolicy>()
    .AddClaimsPrincipalFactory<KinerjaClaimsFactory>();
// the sign-in cookie is checked against the account's security stamp on every request: after sign-out, a password
// change or an administrator's reset, an old cookie (copied or on another device) is refused at once
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/masuk";
    o.LogoutPath = "/keluar";
    o.AccessDeniedPath = "/ditolak";
    o.Cookie.Name = "kinerja.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.SlidingExpiration = true;
    // the API answers 401/403 with ProblemDetails instead of redirecting to the login page
    o.Events.OnRedirectToLogin = ctx => ApiResults.RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = ctx => ApiResults.RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
});
builder.Services.AddAntiforgery(o =>
{
    o.HeaderName = "X-CSRF-TOKEN";
    o.Cookie.Name = "kinerja.csrf";
    o.Cookie.SameSite = SameSiteMode.Strict;
});
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddRazorPages(o =>
{
    o.Conventions.ConfigureFilter(new MissingHandlerFilter());
    o.Conventions.AllowAnonymousToPage("/Setup");
    o.Conventions.AllowAnonymousToPage("/Masuk");
    o.Conventions.AllowAnonymousToPage("/MasukKode");
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Publik");
    o.Conventions.AllowAnonymousToPage("/Ditolak");
    o.Conventions.AllowAnonymousToPage("/Error");
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Correlation.Customize);
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Kinerja API";
    doc.Info.Description = "API aplikasi Kinerja (SAKIP): instansi, capaian, realisasi dan alur verifikasinya. Masuk lewat halaman /masuk (cookie); permintaan yang mengubah data membawa token antiforgery di header X-CSRF-TOKEN (ambil dari GET /api/antiforgery).";
    return Task.CompletedTask;
}));
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = RequestSizeGate.Limit);
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestSizeGate.Limit);

var app = builder.Build();
if (scaleCommand is not null)
    return await ScaleCommands.RunAsync(scaleCommand, app.Services);
// `dotnet Kinerja.Web.dll migrate`: the deployment's schema step, then exit
if (await app.RunCommandAsync(args))
    return 0;
app.UseKinerjaForwardedHeaders();

var indonesian = new CultureInfo("id-ID");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(indonesian),
    SupportedCultures = [indonesian],
    SupportedUICultures = [indonesian],
});
app.UseSecurityHeaders();
// errors: the API answers ProblemDetails (Indonesian, with a correlation id), a browser gets the error page in the layout
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ErrorStatus.Of, ExceptionHandlingPath = "/error" });
app.UseWhen(http => ApiResults.IsApi(http.Request), api => api.UseStatusCodePages());
app.UseWhen(http => !ApiResults.IsApi(http.Request), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
app.UseRequestSizeGate();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter();
app.UsePasswordChangeGate();
app.UseAuthorization();
app.UseAntiforgery();
app.UseReadYourWrites();
app.MapRazorPages();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/referensi", o => o.WithTitle("Kinerja API").DisableDefaultFonts()).AllowAnonymous();
app.MapKinerjaApi();
app.MapEvaluationApi();
app.MapPublicationAndLock();
app.MapNationalApi();
app.MapKinerjaHealth();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
    // two servers starting together: the second waits here until the first has migrated and seeded
    await using var startupLock = await app.StartupLockAsync(db);
    await app.MigrateAtStartAsync(db);
    // the sample agencies are for trying the app: loaded in Development or when Kinerja:SeedSamples is true, never by default in production
    var seed = config.GetValue<bool?>("Kinerja:SeedSamples") ?? app.Environment.IsDevelopment();
    if (seed && (config["Kinerja:SamplesDirectory"] is { Length: > 0 } s ? s : Seeder.FindSamples(app.Environment.ContentRootPath)) is { } samples)
        await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(samples);
    var noAccount = !await db.Users.AnyAsync();
    // the first lines a person sees after the run command: where the app is and how to get in
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"Kinerja berjalan di {url} (basis data: {provider}, data di {paths.DataDirectory})");
            if (noAccount)
                Console.WriteLine($"Belum ada akun: buka {url.TrimEnd('/')}/setup untuk membuat akun administrator pertama.");
        }
    });
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
