using System.Globalization;
using Kinerja.Data;
using Kinerja.Web.Api;
using Kinerja.Web.Security;
using Kinerja.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

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
builder.Services.AddSingleton<DocumentBuilds>();
builder.Services.AddKinerjaDatabase(provider, connection);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ScopeProvider>();
builder.Services.AddScoped<IAuthorizationHandler, AgencyAuthorizationHandler>();
builder.Services.AddScoped<RealisasiService>();
builder.Services.AddScoped<PkService>();
builder.Services.AddScoped<PlanEditor>();
builder.Services.AddScoped<RencanaAksiService>();
builder.Services.AddScoped<CountsService>();
builder.Services.AddScoped<ImportService>();
builder.Services.AddScoped<EvidenceStore>();
builder.Services.AddScoped<Seeder>();
builder.Services.AddScoped<CycleService>();

builder.Services.AddIdentity<AppUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<KinerjaDbContext>()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<IndonesianIdentityErrors>();
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
    o.Conventions.AllowAnonymousToPage("/Setup");
    o.Conventions.AllowAnonymousToPage("/Masuk");
    o.Conventions.AllowAnonymousToPage("/MasukKode");
    o.Conventions.AllowAnonymousToPage("/Index");
    o.Conventions.AllowAnonymousToPage("/Publik");
    o.Conventions.AllowAnonymousToPage("/Ditolak");
    o.Conventions.AllowAnonymousToPage("/Error");
});
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "Kinerja API";
    doc.Info.Description = "API aplikasi Kinerja (SAKIP): instansi, capaian, realisasi dan alur verifikasinya. Masuk lewat halaman /masuk (cookie); permintaan yang mengubah data membawa token antiforgery di header X-CSRF-TOKEN (ambil dari GET /api/antiforgery).";
    return Task.CompletedTask;
}));
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = ImportService.MaxBytes + 1024 * 1024);
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = ImportService.MaxBytes + 1024 * 1024);

var app = builder.Build();

var indonesian = new CultureInfo("id-ID");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(indonesian),
    SupportedCultures = [indonesian],
    SupportedUICultures = [indonesian],
});
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ApiResults.StatusOf, ExceptionHandlingPath = "/Error" });
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapRazorPages();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/referensi", o => o.WithTitle("Kinerja API")).AllowAnonymous();
app.MapKinerjaApi();

using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<KinerjaDbContext>();
    await DatabaseSetup.MigrateAsync(db);
    if (config.GetValue("Kinerja:SeedSamples", true) && (config["Kinerja:SamplesDirectory"] is { Length: > 0 } s ? s : Seeder.FindSamples(app.Environment.ContentRootPath)) is { } samples)
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

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
