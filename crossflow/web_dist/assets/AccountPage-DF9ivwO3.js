import{A as e,Ct as t,Dr as n,K as r,S as i,Tr as a,Wr as o,a as s,c,cn as l,jt as u,l as d,n as f,o as p,r as m,s as h,v as g,w as _}from"./index-DxxYmQ5J.js";import{t as v}from"./radio-BVRSKEsG.js";import{n as y,t as b}from"./space-ASlxUxqI.js";import{t as x}from"./date-picker-BSW_cu2w.js";import{t as S}from"./list-COtBdQ5B.js";import{t as C}from"./tag-CxEg-cbB.js";var w=o(r(),1),T=m(),E=c(`
  query MyDelegations {
    delegations(includeEnded: true) {
      id
      startsAt
      endsAt
      revokedAt
      note
      isActive
      head {
        id
        displayName
      }
      delegate {
        id
        displayName
      }
    }
    users(first: 100) {
      edges {
        node {
          id
          displayName
          department {
            id
            name
          }
        }
      }
    }
  }
`),D=c(`
  mutation SetDelegate($input: SetDelegateInput!) {
    setDelegate(input: $input) {
      id
    }
  }
`),O=c(`
  mutation RevokeDelegation($id: ID!) {
    revokeDelegation(id: $id) {
      id
      revokedAt
      isActive
    }
  }
`);function k({"aria-required":e,...t}){return(0,T.jsx)(y,{showSearch:!0,optionFilterProp:`label`,...t})}function A(){let{t:r,language:o}=d(),{message:s}=t.useApp(),{viewer:c}=f(),[m]=_.useForm(),{data:h}=n(E),[v,y]=a(D,{refetchQueries:[E]}),[A,j]=a(O),M=(h?.users.edges??[]).filter(({node:e})=>e.id!==c.id).map(({node:e})=>({value:e.id,label:`${e.displayName}${e.department?` · ${e.department.name}`:``}`})),N=async e=>{await v({variables:{input:{delegateId:e.delegateId,startsAt:e.period[0].toISOString(),endsAt:e.period[1].toISOString(),note:e.note??``}}}).catch(()=>null)&&(m.resetFields(),s.success(r(`delegation.set`)))},P=y.error??j.error,F=(h?.delegations??[]).filter(e=>e.head?.id===c.id);return(0,T.jsxs)(e,{size:`small`,title:r(`delegation.title`),"data-testid":`delegation-card`,children:[P&&(0,T.jsx)(l,{type:`error`,showIcon:!0,message:p(P,r,o),style:{marginBottom:12}}),(0,T.jsxs)(_,{form:m,layout:`vertical`,onFinish:e=>void N(e),children:[(0,T.jsx)(_.Item,{label:r(`delegation.delegate`),name:`delegateId`,rules:[{required:!0,message:r(`field.required`,{label:r(`delegation.delegate`)})}],children:(0,T.jsx)(k,{options:M,placeholder:r(`field.select`)})}),(0,T.jsx)(_.Item,{label:r(`delegation.period`),name:`period`,rules:[{required:!0,message:r(`field.required`,{label:r(`delegation.period`)})}],children:(0,T.jsx)(x.RangePicker,{showTime:{format:`HH:mm`},format:`YYYY-MM-DD HH:mm`,style:{width:`100%`},"aria-label":r(`delegation.period`)})}),(0,T.jsx)(_.Item,{label:r(`delegation.note`),name:`note`,children:(0,T.jsx)(i,{maxLength:200})}),(0,T.jsx)(u,{type:`primary`,htmlType:`submit`,loading:y.loading,children:r(`delegation.submit`)})]}),(0,T.jsx)(S,{style:{marginTop:12},size:`small`,dataSource:F,locale:{emptyText:(0,T.jsx)(g.Text,{type:`secondary`,children:r(`common.none`)})},renderItem:e=>(0,T.jsx)(S.Item,{actions:e.isActive||!e.revokedAt&&(0,w.default)(e.endsAt).isAfter((0,w.default)())?[(0,T.jsx)(u,{size:`small`,danger:!0,loading:j.loading,onClick:()=>void A({variables:{id:e.id}}).then(()=>s.success(r(`delegation.revoked`))).catch(()=>null),children:r(`delegation.revoke`)},`revoke`)]:[],children:(0,T.jsxs)(b,{wrap:!0,children:[(0,T.jsx)(g.Text,{strong:!0,children:e.delegate?.displayName}),(0,T.jsxs)(g.Text,{children:[(0,w.default)(e.startsAt).format(`YYYY-MM-DD HH:mm`),` – `,(0,w.default)(e.endsAt).format(`YYYY-MM-DD HH:mm`)]}),e.isActive&&(0,T.jsx)(C,{color:`green`,children:r(`delegation.active`)}),e.revokedAt&&(0,T.jsx)(C,{children:r(`delegation.revokedTag`)}),e.note&&(0,T.jsx)(g.Text,{type:`secondary`,children:e.note})]})})})]})}var j=c(`
  mutation CreateSuggestion($input: CreateSuggestionInput!) {
    createSuggestion(input: $input) {
      id
    }
  }
`);function M(){let{t:n,language:r}=d(),{message:o}=t.useApp(),[s]=_.useForm(),[c,{loading:f,error:m}]=a(j),h=e=>[{required:!0,whitespace:!0,message:n(`field.required`,{label:e})}],g=async e=>{await c({variables:{input:{painPoint:e.painPoint,proposal:e.proposal,expectedEffect:e.expectedEffect??``}}}).catch(()=>null)&&(s.resetFields(),o.success(n(`suggestion.sent`)))};return(0,T.jsxs)(e,{size:`small`,title:n(`suggestion.title`),"data-testid":`suggestion-card`,children:[m&&(0,T.jsx)(l,{type:`error`,showIcon:!0,message:p(m,n,r),style:{marginBottom:12}}),(0,T.jsxs)(_,{form:s,layout:`vertical`,onFinish:e=>void g(e),children:[(0,T.jsx)(_.Item,{label:n(`suggestion.painPoint`),name:`painPoint`,rules:h(n(`suggestion.painPoint`)),children:(0,T.jsx)(i.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(_.Item,{label:n(`suggestion.proposal`),name:`proposal`,rules:h(n(`suggestion.proposal`)),children:(0,T.jsx)(i.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,T.jsx)(_.Item,{label:n(`suggestion.expectedEffect`),name:`expectedEffect`,children:(0,T.jsx)(i.TextArea,{autoSize:{minRows:1},maxLength:2e3})}),(0,T.jsx)(u,{type:`primary`,htmlType:`submit`,loading:f,children:n(`suggestion.submit`)})]})]})}var N=c(`
  mutation SetLanguage($language: String!) {
    setLanguage(language: $language) {
      id
      language
    }
  }
`),P=c(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      token
    }
  }
`);function F(){let{t:n,language:r,setLanguage:o}=d(),{message:c}=t.useApp(),{viewer:l,replaceToken:m}=f(),[y]=a(N),[x,{loading:S}]=a(P),[C]=_.useForm(),w=async e=>{o(e),await y({variables:{language:e}}).catch(t=>c.error(p(t,n,e)))},E=async e=>{try{let t=await x({variables:{input:{currentPassword:e.currentPassword,newPassword:e.newPassword}}});t.data&&m(t.data.changePassword.token),C.resetFields(),c.success(n(`account.changed`))}catch(e){let t=s(e),i=p(e,n,r);t?C.setFields([{name:t[0],errors:[h(e,n,r)]}]):c.error(i)}};return(0,T.jsxs)(b,{direction:`vertical`,size:16,style:{width:`100%`,maxWidth:560},children:[(0,T.jsxs)(g.Title,{level:1,style:{fontSize:22,margin:0},children:[n(`nav.account`),` · `,l.displayName]}),(0,T.jsx)(e,{size:`small`,title:n(`account.language`),children:(0,T.jsxs)(v.Group,{value:r,onChange:e=>void w(e.target.value),children:[(0,T.jsx)(v.Button,{value:`zh`,children:`简体中文`}),(0,T.jsx)(v.Button,{value:`en`,children:`English`})]})}),(0,T.jsx)(e,{size:`small`,title:n(`account.password`),children:(0,T.jsxs)(_,{form:C,layout:`vertical`,onFinish:e=>void E(e),children:[(0,T.jsx)(_.Item,{label:n(`account.current`),name:`currentPassword`,rules:[{required:!0}],children:(0,T.jsx)(i.Password,{autoComplete:`current-password`})}),(0,T.jsx)(_.Item,{label:n(`account.new`),name:`newPassword`,rules:[{required:!0,min:8,max:128}],children:(0,T.jsx)(i.Password,{autoComplete:`new-password`})}),(0,T.jsx)(_.Item,{label:n(`account.confirm`),name:`confirm`,dependencies:[`newPassword`],rules:[{required:!0},({getFieldValue:e})=>({validator:(t,r)=>r===e(`newPassword`)?Promise.resolve():Promise.reject(Error(n(`account.mismatch`)))})],children:(0,T.jsx)(i.Password,{autoComplete:`new-password`})}),(0,T.jsx)(u,{type:`primary`,htmlType:`submit`,loading:S,children:n(`account.save`)})]})}),l.role===`DEPT_HEAD`&&(0,T.jsx)(A,{}),(0,T.jsx)(M,{})]})}export{F as default};