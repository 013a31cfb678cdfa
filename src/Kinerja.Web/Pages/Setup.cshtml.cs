using Kinerja.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Pages;

/// <summary>First run: there is no default account; the first administrator is made here, and only while no account exists.</summary>
public sealed class SetupModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, KinerjaDbContext db) : PageModel
{
    [BindProperty] public string DisplayName { get; set; } = "";

    [BindProperty] public string UserName { get; set; } = "";

    [BindProperty] public string Password { get; set; } = "";

    [BindProperty] public string ConfirmPassword { get; set; } = "";

    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() => await db.Users.AnyAsync() ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await db.Users.AnyAsync())
            return NotFound();
        if (string.IsNullOrWhiteSpace(DisplayName) || string.IsNullOrWhiteSpace(UserName))
            Errors.Add("Nama lengkap dan nama pengguna wajib diisi.");
        if (Password != ConfirmPassword)
            Errors.Add("Kedua kata sandi tidak sama.");
        if (Errors.Count > 0)
            return Page();
        var user = new AppUser { UserName = UserName.Trim(), DisplayName = DisplayName.Trim(), IsSystemAdmin = true };
        db.AuditUser = user.UserName;
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors.Select(e => e.Description));
            return Page();
        }

        db.Record(null, nameof(AppUser), user.UserName, "setup", null, new { user.UserName, user.DisplayName, administrator = true });
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/");
    }
}
