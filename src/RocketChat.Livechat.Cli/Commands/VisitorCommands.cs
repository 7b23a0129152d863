using System.CommandLine;
using RocketChat.Livechat.Cli.Output;

namespace RocketChat.Livechat.Cli.Commands;

/// <summary>visitor register | get | delete.</summary>
public static class VisitorCommands
{
    public static Command Create(CommandFactory factory)
    {
        Option<string> token = CommandFactory.Required("--token", "The visitor token (you choose it; it is the visitor's credential)");
        Option<string?> name = CommandFactory.Optional("--name", "Display name");
        Option<string?> email = CommandFactory.Optional("--email", "E-mail address");
        Option<string?> phone = CommandFactory.Optional("--phone", "Phone number");
        Option<string?> department = CommandFactory.Optional("--department", "Department id or name");
        Command register = factory.Command(
            "register",
            "Register or update a visitor (POST livechat/visitor).",
            async (ctx, ct) =>
            {
                var request = new RegisterVisitorRequest
                {
                    Visitor = new VisitorInput
                    {
                        Token = ctx.Value(token),
                        Name = ctx.Value(name),
                        Email = ctx.Value(email),
                        Phone = ctx.Value(phone),
                        Department = ctx.Value(department),
                    },
                };
                RegisterVisitorResponse response = await ctx.Client.Visitors.RegisterVisitorAsync(request, ct);
                ctx.Printer.Print(response, j => j.RegisterVisitorResponse, p => PrintVisitor(p, response.Visitor));
            },
            token, name, email, phone, department);

        Argument<string> tokenArgument = new("token") { Description = "The visitor token" };
        Command get = factory.Command(
            "get",
            "Show a visitor by token.",
            async (ctx, ct) =>
            {
                GetVisitorResponse response = await ctx.Client.Visitors.GetVisitorAsync(ctx.Value(tokenArgument), ct);
                ctx.Printer.Print(response, j => j.GetVisitorResponse, p => PrintVisitor(p, response.Visitor));
            },
            tokenArgument);

        Command delete = factory.Command(
            "delete",
            "Delete a visitor (fails while the visitor has an open room).",
            async (ctx, ct) =>
            {
                DeleteVisitorResponse response = await ctx.Client.Visitors.DeleteVisitorAsync(ctx.Value(tokenArgument), ct);
                ctx.Printer.Print(response, j => j.DeleteVisitorResponse, p => p.Line($"Deleted visitor {response.Visitor.Id}."));
            },
            tokenArgument);

        return CommandFactory.Group("visitor", "Livechat visitors.", register, get, delete);
    }

    private static void PrintVisitor(Printer printer, Visitor visitor) => printer.Fields(
        ("Id", visitor.Id),
        ("Token", visitor.Token),
        ("Username", visitor.Username),
        ("Name", visitor.Name),
        ("Status", visitor.Status?.Value),
        ("E-mail", visitor.Emails is { Count: > 0 } emails ? emails[0].Address : null),
        ("Phone", visitor.Phone is { Count: > 0 } phones ? phones[0].PhoneNumber : null),
        ("Since", Printer.Time(visitor.Timestamp)));
}
