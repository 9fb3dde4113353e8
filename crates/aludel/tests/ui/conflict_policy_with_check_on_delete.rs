use aludel::Model;

#[derive(Model)]
#[aludel(policy(name = "t_delete", command = "delete", with_check = "owner = current_user"))]
struct T {
    id: i64,
    owner: String,
}

fn main() {}
