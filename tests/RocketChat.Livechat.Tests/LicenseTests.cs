using System.Xml.Linq;

namespace RocketChat.Livechat.Tests;

/// <summary>The repository ships the license text its packages declare.</summary>
public sealed class LicenseTests
{
    [Fact]
    public void The_LICENSE_file_is_the_license_the_packages_declare()
    {
        string declared = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props"))
            .Descendants("PackageLicenseExpression").Single().Value;
        string license = File.ReadAllText(Path.Combine(RepoPaths.Root, "LICENSE"));

        Assert.Equal("MIT", declared);
        Assert.StartsWith("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Permission is hereby granted, free of charge", license, StringComparison.Ordinal);
    }
}
