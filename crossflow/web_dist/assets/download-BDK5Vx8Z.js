import{Ar as e,Ot as t,l as n,o as r,u as i}from"./index-CUr97UIb.js";var a=n(`
  mutation SignDownloadLink($path: String!) {
    signDownloadLink(path: $path) {
      url
      expiresAt
    }
  }
`);function o(){let{t:n,language:o}=i(),{message:s}=t.useApp(),[c]=e(a,{fetchPolicy:`no-cache`});return async e=>{try{let{data:t}=await c({variables:{path:e}});t&&window.location.assign(t.signDownloadLink.url)}catch(e){s.error(r(e,n,o))}}}export{o as t};