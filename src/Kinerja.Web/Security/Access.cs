using System.Security.Claims;
using Kinerja.Data;
using Kinerja.Domain.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kinerja.Web.Security;

/// <summary>What a request wants to do with an instansi's data; checked on the server for every page, form post and API call.</summary>
public static class Operations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement ViewWhole = new() { Name = nameof(ViewWhole) };
    public static readonly OperationAuthorizationRequirement EnterRealisasi = new() { Name = nameof(EnterRealisasi) };
    public static readonly OperationAuthorizationRequirement Verify = new() { Name = nameof(Verify) };
    public static readonly OperationAuthorizationRequirement Approve = new() { Name = nameof(Approve) };
    public static readonly OperationAuthorizationRequirement Return = new() { Name = nameof(Return) };
    public static readonly OperationAuthorizationRequirement Plan = new() { Name = nameof(Plan) };
    public static readonly OperationAuthorizationRequirement Import = new() { Name = nameof(Import) };
    public static readonly OperationAuthorizationRequirement ManageUsers = new() { Name = nameof(ManageUsers) };

    /// <summary>Loading the approved history of a closed year (bypasses the workflow, so administrators only).</summary>
    public static readonly OperationAuthorizationRequirement ImportHistory = new() { Name = nameof(ImportHistory) };
}

/// <summary>The thing acted on: an instansi, and when the data belongs to one unit, that unit.</summary>
public sealed record AgencyResource(int AgencyId, string? UnitCode = null);

/// <summary>The signed-in user's rights, read once per request.</summary>
public sealed class UserScope
{
    public static readonly UserScope Anonymous = new(null, "", false, new Dictionary<int, Assignment>());

    public UserScope(string? userId, string userName, bool isSystemAdmin, IReadOnlyDictionary<int, Assignment> assignments)
    {
        UserId = userId;
        UserName = userName;
        IsSystemAdmin = isSystemAdmin;
        Assignments = assignments;
    }

    public string? UserId { get; }

    public string UserName { get; }

    public bool IsSystemAdmin { get; }

    public IReadOnlyDictionary<int, Assignment> Assignments { get; }

    public bool IsSignedIn => UserId is not null;

    public AgencyRole? RoleIn(int agencyId) => Assignments.TryGetValue(agencyId, out var a) ? a.Role : null;

    /// <summary>Roles that see the whole instansi; operators and verifikator see their units only.</summary>
    public bool SeesWholeAgency(int agencyId) =>
        IsSystemAdmin || RoleIn(agencyId) is AgencyRole.AdminInstansi or AgencyRole.Perencana or AgencyRole.Pimpinan;

    public bool CoversUnit(int agencyId, string unitCode) =>
        SeesWholeAgency(agencyId) || (Assignments.TryGetValue(agencyId, out var a) && a.UnitSet.Contains(unitCode));

    public bool Can(OperationAuthorizationRequirement operation, AgencyResource resource)
    {
        if (!IsSignedIn)
            return false;
        var role = RoleIn(resource.AgencyId);
        if (!IsSystemAdmin && role is null)
            return false;
        var unitOk = resource.UnitCode is null ? SeesWholeAgency(resource.AgencyId) || operation == Operations.View : CoversUnit(resource.AgencyId, resource.UnitCode);
        return operation.Name switch
        {
            nameof(Operations.View) => unitOk,
            nameof(Operations.ViewWhole) => SeesWholeAgency(resource.AgencyId),
            nameof(Operations.EnterRealisasi) => unitOk && (IsSystemAdmin || role is AgencyRole.AdminInstansi or AgencyRole.Perencana or AgencyRole.Operator),
            // an administrator verifies only where the instansi switched separation of duties off: the domain's RealisasiEntry decides
            nameof(Operations.Verify) => unitOk && (IsSystemAdmin || role is AgencyRole.Verifikator or AgencyRole.AdminInstansi),
            nameof(Operations.Approve) => unitOk && (IsSystemAdmin || role is AgencyRole.Pimpinan or AgencyRole.AdminInstansi),
            nameof(Operations.Return) => unitOk && (IsSystemAdmin || role is AgencyRole.Verifikator or AgencyRole.Pimpinan or AgencyRole.AdminInstansi),
            nameof(Operations.Plan) or nameof(Operations.Import) => IsSystemAdmin || role is AgencyRole.AdminInstansi or AgencyRole.Perencana,
            nameof(Operations.ManageUsers) => IsSystemAdmin || role is AgencyRole.AdminInstansi,
            nameof(Operations.ImportHistory) => IsSystemAdmin || role is AgencyRole.AdminInstansi,
            _ => false,
        };
    }

    /// <summary>The domain's view of this user in an instansi, for <see cref="RealisasiEntry"/>'s guarded steps.</summary>
    public Actor ActorIn(int agencyId, IEnumerable<string> allUnitCodes)
    {
        var role = RoleIn(agencyId);
        var domainRole = IsSystemAdmin && role is null ? Role.Administrator : role switch
        {
            AgencyRole.AdminInstansi => Role.Administrator,
            AgencyRole.Perencana => Role.Perencana,
            AgencyRole.Verifikator => Role.Verifikator,
            AgencyRole.Pimpinan => Role.Pimpinan,
            AgencyRole.Evaluator => Role.Evaluator,
            _ => Role.Operator,
        };
        var units = SeesWholeAgency(agencyId) ? allUnitCodes.ToHashSet(StringComparer.Ordinal) : Assignments.GetValueOrDefault(agencyId)?.UnitSet.ToHashSet(StringComparer.Ordinal) ?? [];
        return new Actor(UserName, domainRole, units);
    }

    public static string RoleLabel(AgencyRole role) => role switch
    {
        AgencyRole.AdminInstansi => "Administrator instansi",
        AgencyRole.Perencana => "Perencana",
        AgencyRole.Operator => "Operator unit",
        AgencyRole.Verifikator => "Verifikator (APIP)",
        AgencyRole.Evaluator => "Evaluator (APIP)",
        _ => "Pimpinan",
    };
}

/// <summary>Loads the <see cref="UserScope"/> of the current request once.</summary>
public sealed class ScopeProvider(KinerjaDbContext db, IHttpContextAccessor http)
{
    private UserScope? _scope;

    public async Task<UserScope> GetAsync()
    {
        if (_scope is not null)
            return _scope;
        var user = http.HttpContext?.User;
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
            return _scope = UserScope.Anonymous;
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.UserName, u.IsSystemAdmin }).SingleOrDefaultAsync();
        if (account is null)
            return _scope = UserScope.Anonymous;
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.UserId == id).ToListAsync();
        return _scope = new UserScope(id, account.UserName ?? "", account.IsSystemAdmin, assignments.ToDictionary(a => a.AgencyId));
    }
}

/// <summary>Resource-based authorisation: <c>IAuthorizationService.AuthorizeAsync(User, new AgencyResource(...), Operations.X)</c>.</summary>
public sealed class AgencyAuthorizationHandler(ScopeProvider scopes) : AuthorizationHandler<OperationAuthorizationRequirement, AgencyResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AgencyResource resource)
    {
        var scope = await scopes.GetAsync();
        if (scope.Can(requirement, resource))
            context.Succeed(requirement);
    }
}
