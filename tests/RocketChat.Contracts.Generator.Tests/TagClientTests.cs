namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// One client per tag, named after it and described by the contract's tag list; a tag whose class name is taken
/// gets another name and RCG018 says which, by what, and where.
/// </summary>
public sealed class TagClientTests
{
    [Fact]
    public void A_tag_named_like_the_root_client_is_renamed_and_the_message_says_so()
    {
        OperationContract contract = OperationContract.Generate(
            "tags:\n  - name: Ops\npaths:\n  /a:\n    get:\n      operationId: getA\n      tags: [Ops]\n      responses: {}\n",
            clientName: "Ops");

        Assert.Equal(
            ("The tag 'Ops' maps to the client class 'OpsClient', already taken by the contract's root client; it is generated as 'OpsOperationsClient'", 11, 14),
            contract.Single("RCG018"));
        Assert.Contains("public IOpsOperationsClient Ops { get; }", contract.Clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_tag_named_like_a_schema_gets_a_numbered_client_and_the_message_blames_the_schema()
    {
        OperationContract contract = OperationContract.Generate(
            "components:\n  schemas:\n    ItemsClient:\n      type: object\n      properties:\n        id: { type: string }\n"
            + "paths:\n  /items:\n    get:\n      operationId: listItems\n      tags:\n        - Items\n      responses: {}\n");

        Assert.Equal(
            ("The tag 'Items' maps to the client class 'ItemsClient', already taken by a schema; it is generated as 'ItemsClient2'", 16, 11),
            contract.Single("RCG018"));
        Assert.Contains("public IItemsClient2 Items { get; }", contract.Clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }

    [Fact]
    public void Untagged_operations_whose_default_client_is_taken_are_reported_at_the_operation()
    {
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: getA\n      tags: []\n      responses: {}\n",
            clientName: "Default");

        Assert.Equal(
            ("The tag 'Default' maps to the client class 'DefaultClient', already taken by the contract's root client; it is generated as 'DefaultOperationsClient'", 8, 7),
            contract.Single("RCG018"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_tag_client_keeps_its_name_from_a_type_generated_later()
    {
        // The 'Pets' tag takes PetsClient first; the inline enum of parameter 'client' of operation 'pets' would
        // be named PetsClient too and must move aside instead of declaring a second type of that name.
        OperationContract contract = OperationContract.Generate(
            "paths:\n  /a:\n    get:\n      operationId: listA\n      tags: [Pets]\n      responses: {}\n"
            + "  /b:\n    get:\n      operationId: pets\n      tags: [Pets]\n      parameters:\n        - name: client\n          in: query\n"
            + "          schema:\n            type: string\n            enum: [web, mobile]\n      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        Assert.Contains("public IPetsClient Pets { get; }", contract.Clients, StringComparison.Ordinal);
        Assert.Equal("Task PetsAsync(PetsClient2? client = null)", contract.Signature("PetsAsync"));
        contract.CompilesCleanly();
    }

    [Fact]
    public void A_tag_missing_from_the_tag_list_gets_the_generic_summary_and_a_listed_one_its_description()
    {
        OperationContract contract = OperationContract.Generate(
            "tags:\n  - name: Rooms\n    description: Rooms and their messages.\npaths:\n"
            + "  /rooms:\n    get:\n      operationId: listRooms\n      tags: [Rooms]\n      responses: {}\n"
            + "  /agents:\n    get:\n      operationId: listAgents\n      tags: [Agents]\n      responses: {}\n");

        Assert.Empty(contract.Diagnostics);
        string clients = contract.Clients.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains("/// <summary>Rooms and their messages.</summary>\npublic partial interface IRoomsClient", clients, StringComparison.Ordinal);
        Assert.Contains("/// <summary>The Agents operations.</summary>\npublic partial interface IAgentsClient", clients, StringComparison.Ordinal);
        contract.CompilesCleanly();
    }
}
