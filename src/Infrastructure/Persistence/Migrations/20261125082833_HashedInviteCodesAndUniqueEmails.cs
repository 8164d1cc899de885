using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HashedInviteCodesAndUniqueEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "EmailIndex", table: "asp_net_users");

            migrationBuilder.RenameColumn(name: "code", table: "invites", newName: "code_hash");

            migrationBuilder.RenameIndex(
                name: "ix_invites_group_id_code",
                table: "invites",
                newName: "ix_invites_group_id_code_hash"
            );

            migrationBuilder.RenameIndex(
                name: "ix_invites_code",
                table: "invites",
                newName: "ix_invites_code_hash"
            );

            migrationBuilder.AlterColumn<string>(
                name: "display_name",
                table: "asp_net_users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000
            );

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "asp_net_users",
                column: "normalized_email",
                unique: true
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "EmailIndex", table: "asp_net_users");

            migrationBuilder.RenameColumn(name: "code_hash", table: "invites", newName: "code");

            migrationBuilder.RenameIndex(
                name: "ix_invites_group_id_code_hash",
                table: "invites",
                newName: "ix_invites_group_id_code"
            );

            migrationBuilder.RenameIndex(
                name: "ix_invites_code_hash",
                table: "invites",
                newName: "ix_invites_code"
            );

            migrationBuilder.AlterColumn<string>(
                name: "display_name",
                table: "asp_net_users",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100
            );

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "asp_net_users",
                column: "normalized_email"
            );
        }
    }
}
