using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Partners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "integration_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    revoked_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integration_grants", x => new { x.group_id, x.id });
                    table.ForeignKey(
                        name: "fk_integration_grants_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_integration_grants_client_id",
                table: "integration_grants",
                column: "client_id",
                filter: "revoked_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_integration_grants_group_id_client_id",
                table: "integration_grants",
                columns: new[] { "group_id", "client_id" },
                unique: true,
                filter: "revoked_at IS NULL"
            );

            // Grants reference users by a strongly typed id EF cannot relate to Identity's key.
            migrationBuilder.AddForeignKey(
                name: "fk_integration_grants_asp_net_users_granted_by",
                table: "integration_grants",
                column: "granted_by",
                principalTable: "asp_net_users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "integration_grants");
        }
    }
}
