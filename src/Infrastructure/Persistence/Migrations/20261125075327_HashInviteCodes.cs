using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HashInviteCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
